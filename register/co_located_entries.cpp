#include "register/co_located_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "assessors/assessor_texts.hpp"
#include "assessors/structural_measures.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

/// Items a title names at most; the rest it counts ("en 3 andere").
constexpr std::size_t kTitleNamed = 4;

/// "a, b en c" / "a, b and c" (assessors::listed); past kTitleNamed
/// "a, b, c, d en 3 andere".
assessors::LocalText listed_bounded(std::vector<std::string> items) {
  if (items.size() <= kTitleNamed) return assessors::listed(items);
  const std::size_t rest = items.size() - kTitleNamed;
  items.resize(kTitleNamed);
  auto with_rest = [&](std::string_view lang) {
    auto all = items;
    all.push_back(fmt::format(fmt::runtime(label(Label::others_count, lang)), rest));
    return assessors::listed(all).in(lang);
  };
  return {with_rest("nl"), with_rest("en")};
}

}  // namespace

std::optional<std::string> local_event_key(const assessors::Finding& finding) {
  if (finding.kind != "co-located-redundancy" || !finding.local_event ||
      finding.local_event->assets.empty())
    return std::nullopt;
  // Ids and the threat hold no '\n'; the Dutch place text is the language-independent part of
  // `where`.
  return fmt::format("{}\n{}\n{}", finding.threat, fmt::join(finding.local_event->assets, "\n"),
                     finding.local_event->where.nl);
}

assessors::Finding merge_co_located(const model::Model& model,
                                    const std::vector<const assessors::Finding*>& parts,
                                    std::vector<std::size_t>& headlines) {
  const auto& first = *parts.front();
  assessors::Finding merged = first;  // cascade, impact, likelihood, threat: the same event's
  merged.evidence.clear();
  merged.measures.clear();
  merged.local_event->dependent.clear();
  std::set<std::string> assets, measures;
  std::vector<std::string> dependents, descriptions_nl, descriptions_en;
  for (const auto* part : parts) {
    assets.insert(part->assets.begin(), part->assets.end());
    measures.insert(part->measures.begin(), part->measures.end());
    const std::string dependent = assessors::asset_label(model, part->local_event->dependent);
    if (std::find(dependents.begin(), dependents.end(), dependent) == dependents.end())
      dependents.push_back(dependent);
    descriptions_nl.push_back(part->description.nl);
    descriptions_en.push_back(part->description.en);
    headlines.push_back(merged.evidence.size());
    merged.evidence.push_back(part->title);
  }
  for (const auto* part : parts)
    for (const auto& line : part->evidence)
      if (std::find(merged.evidence.begin(), merged.evidence.end(), line) == merged.evidence.end())
        merged.evidence.push_back(line);
  merged.assets.assign(assets.begin(), assets.end());
  merged.measures.assign(measures.begin(), measures.end());
  const auto& event = *first.local_event;
  const auto suppliers = listed_bounded(event.assets), dependent_list = listed_bounded(dependents);
  const auto title = [&](std::string_view lang) {
    return fmt::format(fmt::runtime(label(Label::co_located_shared_title, lang)),
                       suppliers.in(lang), event.where.in(lang), dependent_list.in(lang));
  };
  merged.title = {title("nl"), title("en")};
  merged.description = {fmt::format("{}", fmt::join(descriptions_nl, " ")),
                        fmt::format("{}", fmt::join(descriptions_en, " "))};
  return merged;
}

}  // namespace knelpunt::risk_register
