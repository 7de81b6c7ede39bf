#pragma once
/// The CISA Known Exploited Vulnerabilities catalogue (KEV): its JSON read
/// and checked into plain values, and the lookup assessors use to find the
/// entries about one product of the model.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knelpunt::catalogs {

/// One vulnerability known to be exploited in the wild. Text fields are as
/// CISA wrote them; optional ones are empty when absent.
struct KevEntry {
  std::string cve_id;           ///< "CVE-2018-13379"
  std::string vendor_project;   ///< "Fortinet"
  std::string product;          ///< "FortiOS"
  std::string vulnerability_name;
  std::string date_added;       ///< YYYY-MM-DD
  std::string short_description;
  std::string required_action;
  std::string due_date;         ///< YYYY-MM-DD
  bool known_ransomware = false;  ///< knownRansomwareCampaignUse is "Known"
  std::string notes;
  std::vector<std::string> cwes;  ///< "CWE-22", …
};

struct KevCatalog {
  std::string catalog_version;  ///< catalogVersion, e.g. "2026.11.20"
  std::string date_released;    ///< dateReleased, an ISO 8601 timestamp
  /// Sorted by cve_id; entries with the same id keep the feed's order.
  std::vector<KevEntry> entries;
};

/// The catalogue, or why the text is not one (exactly one is set).
struct KevParseResult {
  std::optional<KevCatalog> catalog;
  std::string error;  ///< what is wrong and what was expected
};

/// Reads the KEV JSON feed. It is rejected when it is not JSON, is not an
/// object, has no `vulnerabilities` array, has an entry that is not an object
/// or lacks a non-empty string `cveID`, `vendorProject` or `product`, or when
/// its `count` (if present) differs from the number of entries. Other fields
/// are optional; one of an unexpected type reads as empty, so a harmless
/// change in the feed does not stop updates.
KevParseResult parse_kev_catalog(std::string_view json_text);

/// The entries about one product of the model, in cve_id order. The rule,
/// on ASCII-lower-cased text:
/// - the vendor matches when it equals `vendorProject`
///   ("fortinet" matches "Fortinet");
/// - the product matches when either it or KEV's `product` contains the other
///   ("fortigate" matches "FortiGate SSL-VPN"; "ios" matches "IOS XE").
/// An empty vendor or product matches nothing. The rule knows no aliases:
/// "fortigate" does not match "FortiOS", the firmware FortiGate runs; a model
/// that wants those names the product as KEV does.
std::vector<const KevEntry*> find_kev_entries(const KevCatalog& catalog, std::string_view vendor,
                                              std::string_view product);

}  // namespace knelpunt::catalogs
