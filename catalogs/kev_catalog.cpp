#include "catalogs/kev_catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <nlohmann/json.hpp>

#include "model/bounded_json.hpp"

namespace knelpunt::catalogs {

namespace {

using nlohmann::json;

std::string text_field(const json& object, const char* name) {
  const auto it = object.find(name);
  return (it != object.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// A value named for a message: short scalars as written, anything else by
/// its type (never dumped whole: it may be large or deeply nested).
std::string describe(const json& value) {
  if (value.is_number()) return value.dump();
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    return "the text \"" + text.substr(0, 40) + (text.size() > 40 ? "…" : "") + "\"";
  }
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return value.type_name();  // null, boolean
}

KevParseResult failure(std::string message) { return KevParseResult{std::nullopt, std::move(message)}; }

}  // namespace

KevParseResult parse_kev_catalog(std::string_view json_text) {
  // Bounded: a hostile cache or download must not exhaust the stack or memory (docs/security.md).
  auto parsed = model::parse_bounded_json(json_text);
  if (!parsed.value)
    return failure("the KEV feed is not valid JSON (" + model::json_location_prefix(parsed) + parsed.error +
                   "); expected the JSON document CISA publishes");
  const json document = std::move(*parsed.value);
  if (!document.is_object())
    return failure("the KEV feed is not a JSON object; expected an object with 'vulnerabilities'");
  const auto vulnerabilities = document.find("vulnerabilities");
  if (vulnerabilities == document.end() || !vulnerabilities->is_array())
    return failure("the KEV feed has no 'vulnerabilities' array; expected the CISA KEV catalogue");

  KevCatalog catalog;
  catalog.catalog_version = text_field(document, "catalogVersion");
  catalog.date_released = text_field(document, "dateReleased");
  catalog.entries.reserve(vulnerabilities->size());
  std::size_t index = 0;
  for (const auto& item : *vulnerabilities) {
    const std::string where = "vulnerabilities[" + std::to_string(index++) + "]";
    if (!item.is_object()) return failure("KEV " + where + " is not an object; expected one object per vulnerability");
    KevEntry entry;
    entry.cve_id = text_field(item, "cveID");
    entry.vendor_project = text_field(item, "vendorProject");
    entry.product = text_field(item, "product");
    const std::string named = entry.cve_id.empty() ? where : where + " (" + entry.cve_id + ")";
    const std::array<std::pair<const char*, const std::string*>, 3> required{
        {{"cveID", &entry.cve_id}, {"vendorProject", &entry.vendor_project}, {"product", &entry.product}}};
    for (const auto& [field, value] : required)
      if (value->empty())
        return failure("KEV " + named + " has no '" + field +
                       "'; expected every entry to name cveID, vendorProject and product as non-empty text");
    entry.vulnerability_name = text_field(item, "vulnerabilityName");
    entry.date_added = text_field(item, "dateAdded");
    entry.short_description = text_field(item, "shortDescription");
    entry.required_action = text_field(item, "requiredAction");
    entry.due_date = text_field(item, "dueDate");
    entry.known_ransomware = text_field(item, "knownRansomwareCampaignUse") == "Known";
    entry.notes = text_field(item, "notes");
    if (const auto cwes = item.find("cwes"); cwes != item.end() && cwes->is_array())
      for (const auto& cwe : *cwes)
        if (cwe.is_string()) entry.cwes.push_back(cwe.get<std::string>());
    catalog.entries.push_back(std::move(entry));
  }

  if (const auto count = document.find("count"); count != document.end()) {
    if (!count->is_number_unsigned())
      return failure(std::string("the KEV feed's 'count' is ") + describe(*count) +
                     "; expected a whole number, the number of vulnerabilities listed");
    if (count->get<std::uint64_t>() != catalog.entries.size())
      return failure("the KEV feed says 'count: " + count->dump() + "' but lists " +
                     std::to_string(catalog.entries.size()) +
                     " vulnerabilities; expected them to agree (a truncated or altered download?)");
  }

  std::stable_sort(catalog.entries.begin(), catalog.entries.end(),
                   [](const KevEntry& a, const KevEntry& b) { return a.cve_id < b.cve_id; });
  return KevParseResult{std::move(catalog), {}};
}

std::vector<const KevEntry*> find_kev_entries(const KevCatalog& catalog, std::string_view vendor,
                                              std::string_view product) {
  std::vector<const KevEntry*> found;
  const std::string wanted_vendor = lower(vendor);
  const std::string wanted_product = lower(product);
  if (wanted_vendor.empty() || wanted_product.empty()) return found;
  for (const auto& entry : catalog.entries) {
    if (lower(entry.vendor_project) != wanted_vendor) continue;
    const std::string listed = lower(entry.product);
    if (listed.find(wanted_product) != std::string::npos || wanted_product.find(listed) != std::string::npos)
      found.push_back(&entry);
  }
  return found;
}

}  // namespace knelpunt::catalogs
