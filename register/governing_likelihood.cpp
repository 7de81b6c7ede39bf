#include "register/governing_likelihood.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

const assessors::Finding& governing_part(const std::vector<const assessors::Finding*>& parts) {
  return **std::max_element(parts.begin(), parts.end(), [](const auto* a, const auto* b) {
    return a->likelihood.likelihood_class <
           b->likelihood.likelihood_class;  // first of the highest wins
  });
}

assessors::Likelihood governing_likelihood(const std::vector<const assessors::Finding*>& parts) {
  const auto* governing = &governing_part(parts);
  // (class, Dutch rationale) → the parts that give it, in the parts' order.
  std::vector<std::vector<const assessors::Finding*>> groups;
  for (const auto* part : parts) {
    auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
      return group.front()->likelihood.likelihood_class == part->likelihood.likelihood_class &&
             group.front()->likelihood.rationale == part->likelihood.rationale;
    });
    if (same == groups.end())
      groups.push_back({part});
    else
      same->push_back(part);
  }
  auto describe = [](const std::vector<const assessors::Finding*>& group, std::string_view lang) {
    std::vector<std::string_view> kinds;
    for (const auto* part : group) {
      const auto kind = kind_name(part->kind, part->assets.size(), lang);
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    }
    const auto& likelihood = group.front()->likelihood;
    return fmt::format("{} {}: {}", fmt::join(kinds, ", "),
                       catalogs::class_letter(likelihood.likelihood_class),
                       likelihood.rationale.in(lang));
  };
  assessors::Likelihood result = governing->likelihood;
  std::string nl, en, others_nl, others_en;
  for (const auto& group : groups) {
    const bool governs = std::find(group.begin(), group.end(), governing) != group.end();
    if (governs) {
      nl = fmt::format("{} {}", label(Label::governing_likelihood, "nl"), describe(group, "nl"));
      en = fmt::format("{} {}", label(Label::governing_likelihood, "en"), describe(group, "en"));
    } else {
      others_nl += (others_nl.empty() ? "" : "; ") + describe(group, "nl");
      others_en += (others_en.empty() ? "" : "; ") + describe(group, "en");
    }
  }
  if (!others_nl.empty()) {
    nl += fmt::format("; {} {}", label(Label::other_likelihoods, "nl"), others_nl);
    en += fmt::format("; {} {}", label(Label::other_likelihoods, "en"), others_en);
  }
  result.rationale = {nl, en};
  return result;
}

}  // namespace knelpunt::risk_register
