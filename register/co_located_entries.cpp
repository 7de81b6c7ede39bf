#include "register/co_located_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

std::string display_name(const model::Model& model, const std::string& id) {
  const auto index = model.find(id);
  const std::string name = index ? model.assets[*index].name : std::string();
  return name.empty() ? id : fmt::format("{} ({})", name, id);
}

/// Items a title names at most; the rest it counts ("en 3 andere").
constexpr std::size_t kTitleNamed = 4;

/// "a, b en c" / "a, b and c"; past kTitleNamed "a, b, c, d en 3 andere".
std::string listed(std::vector<std::string> items, std::string_view lang) {
  if (items.size() > kTitleNamed) {
    const std::size_t rest = items.size() - kTitleNamed;
    items.resize(kTitleNamed);
    items.push_back(fmt::format(fmt::runtime(label(Label::others_count, lang)), rest));
  }
  if (items.size() <= 1) return items.empty() ? std::string() : items.front();
  return fmt::format("{} {} {}", fmt::join(items.begin(), items.end() - 1, ", "), label(Label::and_word, lang),
                     items.back());
}

}  // namespace

std::optional<std::string> local_event_key(const assessors::Finding& finding) {
  if (finding.kind != "co-located-redundancy" || !finding.local_event || finding.local_event->assets.empty())
    return std::nullopt;
  // Ids and the threat hold no '\n'; the Dutch place text is the language-independent part of `where`.
  return fmt::format("{}\n{}\n{}", finding.threat, fmt::join(finding.local_event->assets, "\n"),
                     finding.local_event->where.nl);
}

assessors::Finding merge_co_located(const model::Model& model, const std::vector<const assessors::Finding*>& parts,
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
    const std::string dependent = display_name(model, part->local_event->dependent);
    if (std::find(dependents.begin(), dependents.end(), dependent) == dependents.end()) dependents.push_back(dependent);
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
  const auto title = [&](std::string_view lang) {
    return fmt::format(fmt::runtime(label(Label::co_located_shared_title, lang)), listed(event.assets, lang),
                       event.where.in(lang), listed(dependents, lang));
  };
  merged.title = {title("nl"), title("en")};
  merged.description = {fmt::format("{}", fmt::join(descriptions_nl, " ")),
                        fmt::format("{}", fmt::join(descriptions_en, " "))};
  return merged;
}

}  // namespace knelpunt::risk_register
