#include "register/co_located_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "assessors/assessor_texts.hpp"
#include "assessors/structural_measures.hpp"
#include "register/governing_likelihood.hpp"
#include "register/register_entry_parts.hpp"
#include "register/register_texts.hpp"
#include "register/risk_id.hpp"

namespace knelpunt::risk_register {

namespace {

/// Items a title names at most; the rest it counts ("en 3 andere").
constexpr std::size_t kTitleNamed = 4;

/// "a, b en c" / "a, b and c" (assessors::listed); past kTitleNamed the
/// assessors' bounded list, "a, b, c, d en 3 andere" / "a, b, c, d and 3
/// more", as in the titles of the findings merged.
assessors::LocalText listed_bounded(const std::vector<std::string>& items) {
  if (items.size() <= kTitleNamed) return assessors::listed(items);
  return assessors::bounded_id_list(items, kTitleNamed);
}

}  // namespace

std::optional<std::string> local_event_key(const assessors::Finding& finding) {
  if (!identified_by_event(finding)) return std::nullopt;  // the findings that keep their event's id
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

assessors::Finding merge_pair_and_local_events(const assessors::Finding& pair,
                                               const std::vector<const assessors::Finding*>& events,
                                               std::vector<std::size_t>& headlines) {
  assessors::Finding merged = pair;  // identity, cascade (or brief), impact
  std::vector<const assessors::Finding*> parts{&pair};
  parts.insert(parts.end(), events.begin(), events.end());
  merged.likelihood = governing_likelihood(parts);
  merged.threat = governing_part(parts).threat;

  std::vector<assessors::LocalText> places;
  std::set<std::string> measures(pair.measures.begin(), pair.measures.end()), concerns;
  for (const auto* event : events) {
    if (std::find(places.begin(), places.end(), event->local_event->where) == places.end())
      places.push_back(event->local_event->where);
    measures.insert(event->measures.begin(), event->measures.end());
    if (!std::binary_search(pair.assets.begin(), pair.assets.end(), event->local_event->dependent))
      concerns.insert(event->local_event->dependent);
  }
  // "a", "a of b", "a, b of c": commas, the last two joined with "of".
  const auto where = [&](std::string_view lang) {
    std::string text;
    for (std::size_t i = 0; i < places.size(); ++i) {
      if (i > 0) text += i + 1 == places.size() ? std::string(label(Label::or_word, lang)) : std::string(", ");
      text += places[i].in(lang);
    }
    return text;
  };
  const auto title = [&](std::string_view lang) {
    return fmt::format(fmt::runtime(label(Label::pair_in_one_place_title, lang)), pair.title.in(lang), where(lang));
  };
  merged.title = {title("nl"), title("en")};
  for (const auto* event : events) {
    if (merged.description.nl.find(event->description.nl) != std::string::npos) continue;
    merged.description.nl += " " + event->description.nl;
    merged.description.en += " " + event->description.en;
  }

  // The pair's own key lines (the vital assets it cuts off, what its impact
  // leaves to a single point's entry), then each event's title.
  for (std::size_t i = 0; i < merged.evidence.size() && i < kKeyEvidenceLines; ++i) headlines.push_back(i);
  auto add = [&](const assessors::LocalText& line, bool headline) {
    if (std::find(merged.evidence.begin(), merged.evidence.end(), line) != merged.evidence.end()) return;
    if (headline) headlines.push_back(merged.evidence.size());
    merged.evidence.push_back(line);
  };
  for (const auto* event : events) add(event->title, true);
  for (const auto* event : events)
    for (const auto& line : event->evidence) add(line, false);
  merged.measures.assign(measures.begin(), measures.end());
  merged.concerns.assign(concerns.begin(), concerns.end());
  return merged;
}

}  // namespace knelpunt::risk_register
