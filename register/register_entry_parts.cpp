#include "register/register_entry_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "model/text_format.hpp"
#include "register/register_markdown_writer.hpp"
#include "register/register_texts.hpp"
#include "register/required_action_text.hpp"

namespace knelpunt::risk_register {

namespace {

/// One chain step's cause and, when `with_outage`, its outage: "via x, uit gedurende 2 uur".
std::string chain_step_details(const assessors::ChainStep& step, std::string_view lang,
                               bool with_outage, Escape escape) {
  std::vector<std::string> details;
  if (!step.via.empty())
    details.push_back(fmt::format("{} {}", label(Label::via, lang), escape(step.via)));
  if (with_outage && step.down_h)
    details.push_back(
        fmt::format("{} {}", label(Label::down_for, lang), register_duration(*step.down_h, lang)));
  if (with_outage && step.back_h)
    details.push_back(
        fmt::format("{} t+{}", label(Label::back_at, lang), register_duration(*step.back_h, lang)));
  return fmt::format("{}", fmt::join(details, ", "));
}

/// "asset (details)", or the asset alone.
std::string with_details(const std::string& asset, const std::string& details) {
  return details.empty() ? asset : fmt::format("{} ({})", asset, details);
}

}  // namespace

std::string register_duration(double hours, std::string_view lang) {
  return model::format_duration(hours, lang);
}

bool chain_shortened(const assessors::Finding& finding) {
  if (finding.chain_omitted > 0) return true;
  std::size_t instants = 0;
  for (std::size_t i = 0; i < finding.chain.size(); ++i)
    if (i == 0 || finding.chain[i].t_h != finding.chain[i - 1].t_h) ++instants;
  return instants > kChainInstants;
}

std::vector<bool> key_evidence_lines(const Risk& risk) {
  std::vector<bool> key(risk.finding.evidence.size(), false);
  if (risk.key_evidence.empty())
    for (std::size_t i = 0; i < key.size() && i < kKeyEvidenceLines; ++i) key[i] = true;
  for (auto i : risk.key_evidence)
    if (i < key.size()) key[i] = true;
  return key;
}

std::vector<std::string> open_in_every_entry(const Register& reg) {
  if (reg.risks.empty()) return {};
  std::vector<std::string> open = reg.risks.front().impact_open;
  std::sort(open.begin(), open.end());
  for (const auto& risk : reg.risks) {
    std::vector<std::string> mine = risk.impact_open, both;
    std::sort(mine.begin(), mine.end());
    std::set_intersection(open.begin(), open.end(), mine.begin(), mine.end(),
                          std::back_inserter(both));
    open = std::move(both);
  }
  return open;
}

std::vector<std::string> scored_criteria(const Register& reg) {
  std::vector<std::string> result;
  for (const auto& criterion : reg.criteria) {
    const bool scored = std::any_of(reg.risks.begin(), reg.risks.end(), [&](const Risk& risk) {
      return std::any_of(risk.finding.impact.begin(), risk.finding.impact.end(),
                         [&](const auto& c) { return c.criterion == criterion.id; });
    });
    if (scored) result.push_back(criterion.id);
  }
  return result;
}

std::string criterion_value(const Register& reg, const assessors::CriterionImpact& c,
                            std::string_view lang, Escape escape) {
  // A class that was stated, not estimated, says who stated it: a reader
  // who met "3.1 A –" asked what the dash meant.
  if (c.source == assessors::ImpactSource::floor)
    return fmt::format("({})", label(Label::source_floor, lang));
  if (c.source == assessors::ImpactSource::expert)
    return fmt::format("({})", label(Label::source_expert, lang));
  if (c.value == 0) return "–";
  std::string unit;
  for (const auto& criterion : reg.criteria)
    if (criterion.id == c.criterion) unit = criterion.unit;
  // Large estimates (people, people-hours, euro) are shown whole: their
  // fractions come from minute buffers and tell a reader nothing. JSON keeps them.
  // Small ones (a few victims from a proxy) keep one decimal, as their basis does.
  const double shown =
      std::abs(c.value) >= 100 ? std::round(c.value) : std::round(c.value * 10) / 10;
  return unit.empty() ? format_number(shown, lang)
                      : fmt::format("{} {}", format_number(shown, lang),
                                    escape(assessors::unit_text(unit).in(lang)));
}

std::string no_impact_text(const Risk& risk, std::string_view lang, Escape escape) {
  const std::string& why = risk.finding.no_impact_reason.in(lang);
  if (why.empty()) return fmt::format("{} ({})", label(Label::no_impact, lang), label(Label::not_in_diagram, lang));
  return fmt::format("{}: {} ({})", label(Label::no_impact, lang), escape(why), label(Label::not_in_diagram, lang));
}

std::string criteria_text(const Register& reg, const std::vector<std::string>& ids,
                          std::string_view lang, Escape escape) {
  std::vector<std::string> parts;
  for (const auto& id : ids) {
    const std::string name = criterion_name(reg, id, lang);
    parts.push_back(name.empty() ? escape(id) : fmt::format("{} {}", escape(id), escape(name)));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string heaviest_consequence(const Register& reg, const Risk& risk, std::string_view lang,
                                 Escape escape) {
  const auto weight = [&](const std::string& id) {
    for (const auto& criterion : reg.criteria)
      if (criterion.id == id) return criterion.weight;
    return 0.0;
  };
  const assessors::CriterionImpact* heaviest = nullptr;
  for (const auto& c : risk.finding.impact)
    if (!heaviest || c.impact_class > heaviest->impact_class ||
        (c.impact_class == heaviest->impact_class &&
         weight(c.criterion) > weight(heaviest->criterion)))
      heaviest = &c;
  // What fails with it, within the horizon its own cascade ran to (a vital
  // process may lengthen it): the count and the heaviest figure belong to that horizon.
  const std::size_t affected = risk.finding.affected.size();
  const auto& horizon = risk.finding.horizon_h;
  const Label text = affected == 0   ? (horizon ? Label::fail_within_none : Label::fail_with_none)
                     : affected == 1 ? (horizon ? Label::fail_within_one : Label::fail_with_one)
                                     : (horizon ? Label::fail_within_many : Label::fail_with_many);
  const std::string within = horizon ? escape(assessors::local_hours(*horizon).in(lang)) : std::string();
  // The texts without a count take the horizon as their only argument; those without a horizon ignore it.
  const std::string count =
      affected == 0 ? fmt::format(fmt::runtime(label(text, lang)), within)
                    : fmt::format(fmt::runtime(label(text, lang)), format_number(static_cast<double>(affected), lang),
                                  within);
  if (!heaviest) return count;
  std::string name = criterion_name(reg, heaviest->criterion, lang);
  if (name.empty()) name = heaviest->criterion;
  const std::string value = criterion_value(reg, *heaviest, lang, escape);
  const std::string consequence = fmt::format(
      "{}: {}, {} {}{}{}; {}", label(Label::heaviest_consequence, lang), escape(name),
      label(Label::impact_class, lang), catalogs::class_letter(heaviest->impact_class),
      heaviest->source == assessors::ImpactSource::estimate ? ", " : " ", value, count);
  // A total above every criterion's class comes from adding them up (the
  // method's weighted sum): say so, or "impact E" beside a heaviest
  // consequence of class D reads as a mistake.
  if (!risk.impact_class || *risk.impact_class <= heaviest->impact_class) return consequence;
  // One criterion above its own class: its weight (a catalogue may weigh one above 1).
  if (risk.finding.impact.size() == 1)
    return fmt::format(fmt::runtime(label(Label::impact_from_weight, lang)), catalogs::class_letter(*risk.impact_class),
                       format_number(risk.impact_score, lang), consequence);
  return fmt::format(fmt::runtime(label(Label::impact_from_sum, lang)), catalogs::class_letter(*risk.impact_class),
                     format_number(static_cast<double>(risk.finding.impact.size()), lang),
                     format_number(risk.impact_score, lang), consequence);
}

std::vector<std::string> chain_lines(const assessors::Finding& finding, std::string_view lang,
                                     Escape escape) {
  std::vector<std::string> lines;
  const auto& chain = finding.chain;
  std::size_t begin = 0;
  for (std::size_t instants = 0; begin < chain.size() && instants < kChainInstants; ++instants) {
    std::size_t end = begin + 1;
    while (end < chain.size() && chain[end].t_h == chain[begin].t_h) ++end;
    // An outage that all assets of the instant share is said once.
    bool shared_outage = true;
    for (std::size_t i = begin; i < end; ++i)
      shared_outage = shared_outage && chain[i].down_h == chain[begin].down_h &&
                      chain[i].back_h == chain[begin].back_h;
    std::vector<std::string> assets;
    for (std::size_t i = begin; i < end; ++i)
      assets.push_back(with_details(escape(chain[i].asset),
                                    chain_step_details(chain[i], lang, !shared_outage, escape)));
    const std::size_t n = end - begin;
    std::string line;
    if (n == 1)
      line = fmt::format(
          "t+{}: {}", register_duration(chain[begin].t_h, lang),
          with_details(escape(chain[begin].asset) + " " + std::string(label(Label::fails, lang)),
                       chain_step_details(chain[begin], lang, false, escape)));
    else
      line = fmt::format("t+{}: {} {} {}: {}", register_duration(chain[begin].t_h, lang), n,
                         label(Label::assets, lang), label(Label::fail_many, lang),
                         fmt::join(assets, ", "));
    const auto& first = chain[begin];
    if (shared_outage && first.down_h)
      line += fmt::format("; {} {}", label(Label::down_for, lang),
                          register_duration(*first.down_h, lang));
    if (shared_outage && first.back_h)
      line += fmt::format(", {} t+{}", label(Label::back_at, lang),
                          register_duration(*first.back_h, lang));
    lines.push_back(std::move(line));
    begin = end;
  }
  if (const std::size_t rest = chain.size() - begin; rest > 0)
    lines.push_back(
        fmt::format("… {} {} {} ({})", label(Label::chain_omitted_lead, lang),
                    model::format_grouped_integer(static_cast<double>(rest), lang),
                    label(rest == 1 ? Label::chain_step_one : Label::chain_step_many, lang),
                    label(Label::chain_cut_why, lang)));
  if (finding.chain_omitted > 0)
    lines.push_back(fmt::format(
        "… {} {} {} ({})", label(Label::chain_omitted_lead, lang),
        model::format_grouped_integer(static_cast<double>(finding.chain_omitted), lang),
        label(finding.chain_omitted == 1 ? Label::chain_step_one : Label::chain_step_many, lang),
        label(Label::chain_omitted_why, lang)));
  return lines;
}

namespace {

/// The name of `id` in `names` (sorted by id) in `lang`, else `id`.
std::string named(const std::vector<std::pair<std::string, assessors::LocalText>>& names,
                  const std::string& id, std::string_view lang) {
  auto found =
      std::lower_bound(names.begin(), names.end(), id,
                       [](const auto& entry, const std::string& key) { return entry.first < key; });
  if (found == names.end() || found->first != id) return id;
  return in_language(found->second, lang);
}

}  // namespace

std::string service_name(const Register& reg, const std::string& id, std::string_view lang) {
  return named(reg.service_names, id, lang);
}

std::string process_name(const Register& reg, const std::string& id, std::string_view lang) {
  return named(reg.process_names, id, lang);
}

std::string vital_processes_text(const Register& reg, const Risk& risk, std::string_view lang,
                                 Escape escape) {
  std::vector<std::string> names;
  for (const auto& id : risk.vital_processes)
    names.push_back(escape(named(reg.process_names, id, lang)));
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string threat_text(const Register& reg, const std::string& id, std::string_view lang) {
  return named(reg.threat_names, id, lang);
}

std::string services_text(const Register& reg, const assessors::TimelinePoint& point, std::string_view lang,
                          Escape escape) {
  if (point.services_lost.empty()) return "–";
  std::vector<std::string> names;
  for (const auto& id : point.services_lost) names.push_back(escape(service_name(reg, id, lang)));
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string feed_day(const std::string& feed_date) {
  const bool dated = feed_date.size() >= 10 && feed_date[4] == '-' && feed_date[7] == '-' &&
                     std::all_of(feed_date.begin(), feed_date.begin() + 10,
                                 [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  return dated ? feed_date.substr(0, 10) : feed_date;
}

std::string feeds_line(const Register& reg, std::string_view lang, Escape escape) {
  std::string feeds;
  for (const auto& feed : reg.feeds) {
    if (!feeds.empty()) feeds += "; ";
    feeds += escape(feed.feed);
    if (!feed.present) {
      feeds += fmt::format(" {}", label(Label::feed_absent, lang));
      continue;
    }
    if (!feed.feed_date.empty()) feeds += " " + escape(feed_day(feed.feed_date));
    feeds += fmt::format(" ({} {})", format_number(static_cast<double>(feed.entries), lang),
                         label(Label::feed_entries, lang));
  }
  return feeds;
}

std::string changes_headline(const RegisterChanges& changes, std::string_view lang) {
  const std::size_t other = changes.changed.size() - changes.raised - changes.lowered;
  return fmt::format(fmt::runtime(label(Label::since_previous_headline, lang)),
                     fmt::arg("added", changes.added.size()), fmt::arg("raised", changes.raised),
                     fmt::arg("lowered", changes.lowered), fmt::arg("other", other), fmt::arg("merged", changes.merged.size()),
                     fmt::arg("resolved", changes.resolved.size()), fmt::arg("not_assessed", not_assessed_clause(changes.not_assessed.size(), lang)),
                     fmt::arg("not_listed", changes.not_listed.size()),
                     fmt::arg("unchanged", changes.unchanged));
}

std::string previous_register_line(const RegisterChanges& changes, std::string_view lang, Escape escape) {
  std::vector<std::string> facts;
  if (!changes.model_name.empty()) facts.push_back(escape(changes.model_name));
  if (!changes.date.empty()) facts.push_back(escape(changes.date));
  facts.push_back(fmt::format("{} {}", format_number(static_cast<double>(changes.previous_count), lang),
                              label(changes.previous_count == 1 ? Label::risk_one : Label::risk_many, lang)));
  return fmt::format("{} ({})", escape(changes.file), fmt::join(facts, ", "));
}

std::string change_details(const ChangedRisk& changed, const Register& reg, std::string_view lang, Escape escape) {
  std::vector<std::string> parts;
  for (const auto& change : changed.changes) {
    // The new title stands beside the changes; the old one is enough.
    if (change.field == "title") {
      parts.push_back(fmt::format("{}: {}", label(Label::previous_title, lang), escape(change.old_value)));
      continue;
    }
    // A list says what came and what went, not both whole lists.
    if (change.field == "assets" || change.field == "measures") {
      const bool assets = change.field == "assets";
      auto sorted = [](std::vector<std::string> items) {
        std::sort(items.begin(), items.end());
        return items;
      };
      const auto before = sorted(assets ? changed.old_entry.assets : changed.old_entry.measures);
      const auto after = sorted(assets ? changed.new_entry.assets : changed.new_entry.measures);
      std::vector<std::string> came, went;
      std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(came));
      std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(went));
      std::string text = fmt::format("{}:", field_name(change.field, lang));
      if (!came.empty()) text += fmt::format(" + {}", escape(fmt::format("{}", fmt::join(came, ", "))));
      if (!went.empty()) text += fmt::format("{} − {}", came.empty() ? "" : ";", escape(fmt::format("{}", fmt::join(went, ", "))));
      parts.push_back(std::move(text));
      continue;
    }
    parts.push_back(fmt::format("{}: {} → {}", field_name(change.field, lang),
                                escape(changed_field_value(change, true, changed, reg, lang)),
                                escape(changed_field_value(change, false, changed, reg, lang))));
  }
  if (!changed.analyses_not_run.empty() || !changed.analyses_changed.empty())
    parts.push_back(escape(analyses_not_repeated(changed.analyses_not_run, changed.analyses_changed, lang)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string current_title(const Register& reg, const RegisterEntry& entry, std::string_view lang) {
  for (const auto& risk : reg.risks)
    if (risk.id == entry.id) return in_language(risk.finding.title, lang);
  return entry.title;
}

std::string counted(std::size_t n, Label one, Label many, std::string_view lang) {
  // "geen getroffen objecten", not "0 getroffen objecten".
  if (n == 0) return fmt::format("{} {}", label(Label::no_count, lang), label(many, lang));
  return fmt::format("{} {}", model::format_grouped_integer(static_cast<double>(n), lang),
                     label(n == 1 ? one : many, lang));
}

std::string cve_details(const assessors::CveEvidence& cve, std::string_view lang, Escape escape) {
  std::vector<std::string> parts;
  std::string product = cve.vendor_project;
  if (!cve.product.empty()) product += (product.empty() ? "" : " ") + cve.product;
  if (!product.empty()) parts.push_back(escape(product));
  if (cve.known_ransomware) parts.emplace_back(label(Label::known_ransomware, lang));
  if (cve.epss) {
    std::string epss = fmt::format("EPSS {}", format_number(*cve.epss, lang));
    if (cve.epss_percentile)
      epss += fmt::format(" ({} {})", label(Label::percentile, lang),
                          format_number(*cve.epss_percentile, lang));
    parts.push_back(std::move(epss));
  }
  if (!cve.required_action.empty())
    parts.push_back(
        fmt::format("{}: {}", label(Label::required_action, lang),
                    escape(required_action_text(cve.required_action, lang))));
  if (!cve.due_date.empty())
    parts.push_back(fmt::format("{} {}", label(Label::due_date, lang), escape(cve.due_date)));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? ": " : "; ") + parts[i];
  return out;
}

}  // namespace knelpunt::risk_register
