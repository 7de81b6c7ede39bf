#include "register/risk_id.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>

#include <fmt/format.h>

namespace knelpunt::risk_register {

std::string kind_code(std::string_view kind) {
  static const std::map<std::string_view, std::string_view> codes = {
      {"spof", "SPOF"},         {"common-cause", "CCP"},       {"reach", "REACH"}, {"co-located-redundancy", "GEO"},
      {"zone", "ZONE"},         {"exposure", "CYBER"},        {"missing-controls", "CTRL"},
      {"scenario", "SCEN"},     {"knelpunt", "KNP"}};
  if (auto it = codes.find(kind); it != codes.end()) return std::string(it->second);
  std::string code;
  for (char c : kind)
    if (std::isalnum(static_cast<unsigned char>(c)) && code.size() < 5)
      code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code.empty() ? "RISK" : code;
}

namespace {

std::string identity_text(const assessors::Finding& finding, std::vector<std::string> assets,
                          std::string_view subject) {
  std::string text = finding.assessor;
  text += '\0';
  text += finding.kind;
  text += '\0';
  std::sort(assets.begin(), assets.end());
  for (std::size_t i = 0; i < assets.size(); ++i) {
    if (i) text += ',';
    text += assets[i];
  }
  text += '\0';
  text += finding.scenario;
  text += '\0';
  text += subject;
  return text;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string id_from(std::string_view kind, std::string_view identity, int hex_digits) {
  const std::string hex = fmt::format("{:016x}", fnv1a(identity));
  return fmt::format("KP-{}-{}", kind_code(kind), hex.substr(0, static_cast<std::size_t>(hex_digits)));
}

}  // namespace

bool identified_by_event(const assessors::Finding& finding) {
  return finding.kind == "co-located-redundancy" && finding.local_event && !finding.local_event->assets.empty();
}

std::string identity_of(const assessors::Finding& finding) {
  if (identified_by_event(finding))  // decision 058: "flood: zone compartiment-zuid"
    return identity_text(finding, finding.local_event->assets,
                         finding.threat + ": " + finding.local_event->where.nl);
  return identity_text(finding, finding.assets, finding.subject);
}

std::string risk_id(const assessors::Finding& finding, int hex_digits) {
  return id_from(finding.kind, identity_of(finding), hex_digits);
}

std::string risk_id_by_assets(const assessors::Finding& finding) {
  return id_from(finding.kind, identity_text(finding, finding.assets, finding.subject), 6);
}

std::vector<std::string> assign_risk_ids(const std::vector<assessors::Finding>& findings) {
  std::vector<std::string> ids;
  std::map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    ids.push_back(risk_id(findings[i]));
    by_id[ids.back()].push_back(i);
  }
  for (const auto& [id, members] : by_id) {
    // An id of one finding is its own; only a shared one needs the identities.
    if (members.size() < 2) continue;
    const std::string first = identity_of(findings[members[0]]);
    bool distinct = false;
    for (std::size_t m = 1; m < members.size() && !distinct; ++m)
      distinct = identity_of(findings[members[m]]) != first;
    if (distinct)
      for (auto i : members) ids[i] = risk_id(findings[i], 12);
  }
  return ids;
}

}  // namespace knelpunt::risk_register
