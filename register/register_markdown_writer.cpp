#include "register/register_markdown_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <map>

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "register/register_summary.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

/// Labels are lower case so that they fit in sentences; headings and list
/// labels start with a capital. All labels start with an ASCII letter.
std::string capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

/// A duration: English as format_hours, Dutch in words (assessors/local_format.hpp).
std::string format_duration(double hours, std::string_view lang) {
  return lang == "en" ? format_hours(hours) : assessors::dutch_hours(hours);
}

std::string escaped_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += markdown_escape(item);
  }
  return out;
}

std::string count_of_risks(std::size_t n, std::string_view lang) {
  return fmt::format("{} {}", n, label(n == 1 ? Label::risk_one : Label::risk_many, lang));
}

std::string class_with_name(char letter, const std::string& name) {
  return name.empty() ? std::string(1, letter) : fmt::format("{} ({})", letter, markdown_escape(name));
}

/// "- **Label:** value\n"
void field(std::string& out, Label key, std::string_view lang, std::string_view value) {
  out += fmt::format("- **{}:** {}\n", capitalized(label(key, lang)), value);
}

/// "- **Catalogi:** vital-processes v2, …, scoring v2 (aangepast door het model)", and
/// below the list that the class limits are knelpunt defaults, or, when the
/// model overrides the scoring catalogue, that those it does not override
/// are (docs/decisions/014-register-metadata.md, 017-defensible-scores.md).
void write_catalog_versions(std::string& out, const Register& reg, std::string_view lang) {
  if (reg.catalogs.empty()) return;
  std::string versions;
  bool scoring_defaults = false, scoring_overridden = false;
  for (const auto& catalog : reg.catalogs) {
    if (!versions.empty()) versions += ", ";
    versions += fmt::format("{} v{}", markdown_escape(catalog.id), catalog.version);
    if (catalog.overridden) versions += fmt::format(" ({})", label(Label::catalog_overridden, lang));
    if (catalog.id == "scoring") {
      scoring_defaults = catalog.defaults && !catalog.overridden;
      scoring_overridden = catalog.defaults && catalog.overridden;
    }
  }
  field(out, Label::catalogs, lang, versions);
  if (scoring_defaults) out += fmt::format("\n{}\n", label(Label::scoring_defaults_note, lang));
  if (scoring_overridden) out += fmt::format("\n{}\n", label(Label::scoring_overridden_note, lang));
}

void write_header(std::string& out, const Register& reg, std::string_view lang) {
  out += fmt::format("# {} {}\n\n", label(Label::register_title, lang), markdown_escape(reg.model_name));
  if (!reg.date.empty()) field(out, Label::date, lang, markdown_escape(reg.date));
  if (!reg.authority.empty()) field(out, Label::authority, lang, markdown_escape(reg.authority));
  // Assessors whose own horizon differs from the register's are named with it.
  std::string horizon = format_duration(reg.horizon_h, lang);
  for (const auto& h : reg.horizons)
    if (h.horizon_h != reg.horizon_h)
      horizon += fmt::format("; {}: {}", markdown_escape(assessor_name(h.assessor, lang)),
                             format_duration(h.horizon_h, lang));
  field(out, Label::horizon, lang, horizon);
  field(out, Label::profile, lang, markdown_escape(reg.profile));
  field(out, Label::risk_diagram, lang,
        markdown_escape(in_language(reg.diagram.name, reg.diagram.name_en, lang)));
  if (!reg.model_digest.empty()) field(out, Label::model_digest, lang, markdown_escape(reg.model_digest));
  if (!reg.feeds.empty()) {
    std::string feeds;
    for (const auto& feed : reg.feeds) {
      if (!feeds.empty()) feeds += "; ";
      feeds += markdown_escape(feed.feed);
      if (!feed.present) {
        feeds += fmt::format(" {}", label(Label::feed_absent, lang));
        continue;
      }
      if (!feed.feed_date.empty()) feeds += " " + markdown_escape(feed.feed_date);
      feeds += fmt::format(" ({} {})", format_number(static_cast<double>(feed.entries), lang),
                           label(Label::feed_entries, lang));
    }
    field(out, Label::feeds, lang, feeds);
  }
  if (!reg.tool_version.empty()) field(out, Label::tool, lang, "knelpunt " + markdown_escape(reg.tool_version));
  write_catalog_versions(out, reg, lang);
  out += "\n";
}

std::string impact_letter(const Risk& risk) {
  return risk.impact_class ? std::string(1, catalogs::class_letter(*risk.impact_class)) : "–";
}

/// Entries per operator and level, so that each partner finds its own share.
/// An entry that names two operators counts for both.
void write_per_operator(std::string& out, const Register& reg, std::string_view lang) {
  std::map<std::string, std::vector<std::size_t>> counts;
  const std::size_t levels = reg.diagram.levels.size();
  for (const auto& risk : reg.risks) {
    if (risk.level < 0 || static_cast<std::size_t>(risk.level) >= levels) continue;
    std::vector<std::string> operators = risk.operators;
    if (operators.empty()) operators.emplace_back(label(Label::no_operator, lang));
    for (const auto& name : operators) {
      auto& row = counts[name];
      row.resize(levels, 0);
      ++row[static_cast<std::size_t>(risk.level)];
    }
  }
  if (counts.empty()) return;
  out += fmt::format("### {}\n\n| {} |", label(Label::per_operator, lang), capitalized(label(Label::operator_name, lang)));
  for (std::size_t l = levels; l-- > 0;)
    out += fmt::format(" {} |", markdown_escape(level_name(reg.diagram, static_cast<int>(l), lang)));
  out += "\n|---|";
  for (std::size_t l = 0; l < levels; ++l) out += "---|";
  out += "\n";
  for (const auto& [name, row] : counts) {
    out += fmt::format("| {} |", markdown_escape(name));
    for (std::size_t l = levels; l-- > 0;) out += fmt::format(" {} |", row[l]);
    out += "\n";
  }
  out += "\n";
}

/// The ten highest entries in one sentence each, so that the board sees on
/// the first page what the register is about.
void write_highest(std::string& out, const Register& reg, std::string_view lang) {
  if (reg.risks.empty()) return;
  out += fmt::format("### {}\n\n_{}._\n\n", label(Label::highest_risks, lang), label(Label::register_order_note, lang));
  const std::size_t n = std::min<std::size_t>(10, reg.risks.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& risk = reg.risks[i];
    out += fmt::format("{}. **{}** ({}, {} {}, {} {}): {}.\n", i + 1, markdown_escape(risk.id),
                       markdown_escape(level_name(reg.diagram, risk.level, lang)), label(Label::likelihood, lang),
                       catalogs::class_letter(risk.likelihood), label(Label::impact, lang), impact_letter(risk),
                       markdown_escape(in_language(risk.finding.title, lang)));
  }
  out += "\n";
}

void write_summary(std::string& out, const Register& reg, const RegisterSummary& summary, std::string_view lang) {
  out += fmt::format("## {}\n\n", label(Label::summary, lang));
  // Highest level first: that is what a reader looks for.
  std::string levels;
  for (std::size_t l = summary.by_level.size(); l-- > 0;) {
    if (!levels.empty()) levels += ", ";
    levels += fmt::format("{} {}", summary.by_level[l], markdown_escape(level_name(reg.diagram, static_cast<int>(l), lang)));
  }
  out += fmt::format("{} {}{}.\n\n", label(Label::summary_holds, lang), count_of_risks(reg.risks.size(), lang),
                     levels.empty() ? std::string() : ": " + levels);
  if (!summary.by_assessor.empty()) {
    std::string assessors;
    for (const auto& [assessor, n] : summary.by_assessor) {
      if (!assessors.empty()) assessors += ", ";
      assessors += fmt::format("{} {}", markdown_escape(assessor_name(assessor, lang)), n);
    }
    out += fmt::format("{}: {}.\n\n", label(Label::per_assessor, lang), assessors);
  }
  std::string statuses;
  for (const auto& [status, n] : summary.by_status) {
    if (n == 0) continue;
    if (!statuses.empty()) statuses += ", ";
    statuses += fmt::format("{} {}", n, markdown_escape(status_label(status, lang)));
  }
  if (!statuses.empty()) out += fmt::format("{}: {}.\n\n", label(Label::tracking, lang), statuses);
  write_highest(out, reg, lang);
  write_per_operator(out, reg, lang);

  if (!reg.unmatched_tracking.empty()) {
    out += fmt::format("### {}\n\n{}:\n\n", label(Label::unmatched_tracking, lang),
                       label(Label::unmatched_tracking_intro, lang));
    for (const auto& u : reg.unmatched_tracking)
      out += fmt::format("- {} ({}){}\n", markdown_escape(u.key, true), markdown_escape(u.where),
                         u.now_in.empty() ? std::string()
                                          : fmt::format(" → {} {}", label(Label::now_in, lang), markdown_escape(u.now_in)));
    out += "\n";
  }
}

void write_diagram(std::string& out, const Register& reg, const RegisterSummary& summary, std::string_view lang) {
  out += fmt::format("## {}\n\n", label(Label::risk_diagram, lang));
  out += fmt::format("| {} |", label(Label::diagram_corner, lang));
  for (catalogs::ClassIndex i = 0; i < catalogs::kClassCount; ++i)
    out += fmt::format(" {} |", class_with_name(catalogs::class_letter(i), impact_class_name(reg, i, lang)));
  out += "\n|---|---|---|---|---|---|\n";
  for (catalogs::ClassIndex l = catalogs::kClassCount; l-- > 0;) {
    out += fmt::format("| {} |", class_with_name(catalogs::class_letter(l), likelihood_name(reg, l, lang)));
    for (catalogs::ClassIndex i = 0; i < catalogs::kClassCount; ++i) {
      const int level = reg.diagram.cells[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
      const std::size_t n = summary.cells[l][i];
      const std::string cell = fmt::format("{} ({})", markdown_escape(level_name(reg.diagram, level, lang)), n);
      // Bold where there are risks, so the occupied cells stand out.
      out += n > 0 ? fmt::format(" **{}** |", cell) : fmt::format(" {} |", cell);
    }
    out += "\n";
  }
  out += "\n";
  if (summary.without_impact_class > 0)
    out += fmt::format("{} {}.\n\n", count_of_risks(summary.without_impact_class, lang),
                       label(Label::not_in_diagram, lang));
}


void write_overview(std::string& out, const Register& reg, std::string_view lang) {
  out += fmt::format("## {}\n\n", label(Label::overview, lang));
  out += fmt::format("| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
                     capitalized(label(Label::id, lang)), capitalized(label(Label::level, lang)),
                     capitalized(label(Label::likelihood, lang)), capitalized(label(Label::impact, lang)),
                     capitalized(label(Label::title, lang)), capitalized(label(Label::status, lang)));
  for (const auto& risk : reg.risks)
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_escape(risk.id),
                       markdown_escape(level_name(reg.diagram, risk.level, lang)),
                       catalogs::class_letter(risk.likelihood), impact_letter(risk),
                       markdown_escape(in_language(risk.finding.title, lang)),
                       markdown_escape(status_label(risk.tracking.status, lang)));
  out += "\n";
}

/// One chain step's cause and, when `with_outage`, its outage: "via x, uit gedurende 2 uur".
std::string chain_step_details(const assessors::ChainStep& step, std::string_view lang, bool with_outage) {
  std::vector<std::string> details;
  if (!step.via.empty()) details.push_back(fmt::format("{} {}", label(Label::via, lang), markdown_escape(step.via)));
  if (with_outage && step.down_h)
    details.push_back(fmt::format("{} {}", label(Label::down_for, lang), format_duration(*step.down_h, lang)));
  if (with_outage && step.back_h)
    details.push_back(fmt::format("{} t+{}", label(Label::back_at, lang), format_duration(*step.back_h, lang)));
  return fmt::format("{}", fmt::join(details, ", "));
}

/// "asset (details)", or the asset alone.
std::string with_details(const std::string& asset, const std::string& details) {
  return details.empty() ? asset : fmt::format("{} ({})", asset, details);
}

/// The chain, one line per instant: the assets that fail then, each with the
/// supplier it failed through; an outage that all of them share is said once.
void write_chain(std::string& out, const assessors::Finding& finding, std::string_view lang) {
  if (finding.chain.empty()) return;
  out += fmt::format("#### {}\n\n", label(Label::chain, lang));
  const auto& chain = finding.chain;
  for (std::size_t begin = 0; begin < chain.size();) {
    std::size_t end = begin + 1;
    while (end < chain.size() && chain[end].t_h == chain[begin].t_h) ++end;
    bool shared_outage = true;
    for (std::size_t i = begin; i < end; ++i)
      shared_outage = shared_outage && chain[i].down_h == chain[begin].down_h && chain[i].back_h == chain[begin].back_h;
    std::vector<std::string> assets;
    for (std::size_t i = begin; i < end; ++i)
      assets.push_back(with_details(markdown_escape(chain[i].asset), chain_step_details(chain[i], lang, !shared_outage)));
    const std::size_t n = end - begin;
    if (n == 1)
      out += fmt::format("- t+{}: {}", format_duration(chain[begin].t_h, lang),
                         with_details(markdown_escape(chain[begin].asset) + " " + std::string(label(Label::fails, lang)),
                                      chain_step_details(chain[begin], lang, false)));
    else
      out += fmt::format("- t+{}: {} {} {}: {}", format_duration(chain[begin].t_h, lang), n, label(Label::assets, lang),
                         label(Label::fail_many, lang), fmt::join(assets, ", "));
    const auto& first = chain[begin];
    if (shared_outage && first.down_h)
      out += fmt::format("; {} {}", label(Label::down_for, lang), format_duration(*first.down_h, lang));
    if (shared_outage && first.back_h)
      out += fmt::format(", {} t+{}", label(Label::back_at, lang), format_duration(*first.back_h, lang));
    out += "\n";
    begin = end;
  }
  if (finding.chain_omitted > 0)
    out += fmt::format(
        "- … {} {} {} ({})\n", label(Label::chain_omitted_lead, lang), finding.chain_omitted,
        label(finding.chain_omitted == 1 ? Label::chain_step_one : Label::chain_step_many, lang),
        label(Label::chain_omitted_why, lang));
  out += "\n";
}

void write_cves(std::string& out, const assessors::Finding& finding, std::string_view lang) {
  if (finding.cves.empty()) return;
  out += fmt::format("#### {}\n\n", label(Label::cves, lang));
  for (const auto& cve : finding.cves) {
    std::vector<std::string> parts;
    std::string product = cve.vendor_project;
    if (!cve.product.empty()) product += (product.empty() ? "" : " ") + cve.product;
    if (!product.empty()) parts.push_back(markdown_escape(product));
    if (cve.known_ransomware) parts.emplace_back(label(Label::known_ransomware, lang));
    if (cve.epss) {
      std::string epss = fmt::format("EPSS {}", format_number(*cve.epss, lang));
      if (cve.epss_percentile)
        epss += fmt::format(" ({} {})", label(Label::percentile, lang), format_number(*cve.epss_percentile, lang));
      parts.push_back(std::move(epss));
    }
    if (!cve.required_action.empty())
      parts.push_back(fmt::format("{}: {}", label(Label::required_action, lang), markdown_escape(cve.required_action)));
    if (!cve.due_date.empty())
      parts.push_back(fmt::format("{} {}", label(Label::due_date, lang), markdown_escape(cve.due_date)));
    out += "- " + markdown_escape(cve.cve, true);
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? ": " : "; ") + parts[i];
    out += "\n";
  }
  out += "\n";
}

/// People affected over time on one line: "t+18 uur — mensen (…): 249.000, objecten buiten werking: 17; …".
void write_timeline(std::string& out, const assessors::Finding& finding, std::string_view lang) {
  if (finding.timeline.empty()) return;
  std::vector<std::string> points;
  for (const auto& point : finding.timeline)
    points.push_back(fmt::format("t+{} — {}: {}, {}: {}", format_duration(point.t_h, lang), label(Label::people, lang),
                                 format_number(point.people, lang), label(Label::assets_failed, lang),
                                 format_number(static_cast<double>(point.assets_failed), lang)));
  out += fmt::format("#### {}\n\n{}\n\n", label(Label::timeline, lang), fmt::join(points, "; "));
}

void write_impact(std::string& out, const Register& reg, const Risk& risk, std::string_view lang) {
  out += fmt::format("#### {}\n\n", label(Label::impact_per_criterion, lang));
  const auto& impact = risk.finding.impact;
  if (!impact.empty()) {
    out += fmt::format("| {} | {} | {} | {} |\n|---|---|---|---|\n", capitalized(label(Label::criterion, lang)),
                       capitalized(label(Label::impact_class, lang)), capitalized(label(Label::value, lang)),
                       capitalized(label(Label::basis, lang)));
    for (const auto& c : impact) {
      std::string unit;
      for (const auto& criterion : reg.criteria)
        if (criterion.id == c.criterion) unit = criterion.unit;
      // The contract: value 0 means the class was stated, not estimated.
      // Large estimates (people, people-hours, euro) are shown whole: their
      // fractions come from minute buffers and tell a reader nothing. JSON keeps them.
      // Small ones (a few victims from a proxy) keep one decimal, as their basis does.
      const double shown = std::abs(c.value) >= 100 ? std::round(c.value) : std::round(c.value * 10) / 10;
      const std::string value = c.value == 0 ? "–"
                                             : (unit.empty() ? format_number(shown, lang)
                                                             : fmt::format("{} {}", format_number(shown, lang),
                                                                           markdown_escape(assessors::unit_text(unit).in(lang))));
      std::string name = criterion_name(reg, c.criterion, lang);
      out += fmt::format("| {}{} | {} | {} | {} |\n", markdown_escape(c.criterion),
                         name.empty() ? std::string() : " " + markdown_escape(name),
                         class_with_name(catalogs::class_letter(c.impact_class), impact_class_name(reg, c.impact_class, lang)),
                         value, markdown_escape(in_language(c.basis, lang)));
    }
    out += "\n";
  }
  // Criteria left to an analyst are named, never left out silently.
  if (!risk.impact_open.empty())
    out += fmt::format("**{}:** {} — {}.\n\n", capitalized(label(Label::not_determined, lang)),
                       markdown_escape(fmt::format("{}", fmt::join(risk.impact_open, ", "))),
                       label(Label::not_determined_hint, lang));
  if (risk.impact_class)
    out += fmt::format("**{}:** {} {}, {} {}.\n\n", capitalized(label(Label::total, lang)), label(Label::impact_score, lang),
                       format_number(risk.impact_score, lang), label(Label::impact_class, lang),
                       class_with_name(catalogs::class_letter(*risk.impact_class),
                                       impact_class_name(reg, *risk.impact_class, lang)));
  else
    out += fmt::format("**{}:** {}.\n\n", capitalized(label(Label::total, lang)), label(Label::no_impact, lang));
}

/// The tracking on one line: the status, then whatever people recorded.
void write_tracking(std::string& out, const Tracking& tracking, std::string_view lang) {
  std::string line = markdown_escape(status_label(tracking.status, lang));
  const std::pair<Label, const std::string*> fields[] = {{Label::owner, &tracking.owner},
                                                         {Label::justification, &tracking.justification},
                                                         {Label::date, &tracking.date},
                                                         {Label::checked_by, &tracking.checked_by},
                                                         {Label::matched, &tracking.matched}};
  for (const auto& [key, value] : fields)
    if (!value->empty()) line += fmt::format(" · {}: {}", label(key, lang), markdown_escape(*value));
  field(out, Label::tracking, lang, line);
}

/// The suggested measures on one line.
void write_measures(std::string& out, const Risk& risk, std::string_view lang) {
  std::vector<std::string> measures;
  for (const auto& measure : risk.measures) {
    const auto& name = in_language(measure.name, lang);
    measures.push_back(markdown_escape(measure.id, true) + (name.empty() ? std::string() : " (" + markdown_escape(name) + ")"));
  }
  out += fmt::format("#### {}\n\n{}.\n\n", capitalized(label(Label::measures, lang)),
                     measures.empty() ? capitalized(label(Label::none, lang)) : fmt::format("{}", fmt::join(measures, "; ")));
}

void write_risk(std::string& out, const Register& reg, const Risk& risk, std::string_view lang) {
  const auto& finding = risk.finding;
  out += fmt::format("### {}: {}\n\n", markdown_escape(risk.id), markdown_escape(in_language(finding.title, lang)));
  if (const auto& description = in_language(finding.description, lang); !description.empty())
    out += markdown_escape(description, true) + "\n\n";

  field(out, Label::level, lang,
        fmt::format("{} ({} {}, {} {})", markdown_escape(level_name(reg.diagram, risk.level, lang)),
                    label(Label::likelihood, lang), catalogs::class_letter(risk.likelihood), label(Label::impact, lang),
                    impact_letter(risk)));
  std::string likelihood = class_with_name(catalogs::class_letter(risk.likelihood), likelihood_name(reg, risk.likelihood, lang));
  if (const auto& rationale = in_language(finding.likelihood.rationale, lang); !rationale.empty())
    likelihood += ": " + markdown_escape(rationale);
  field(out, Label::likelihood, lang, likelihood);
  write_tracking(out, risk.tracking, lang);
  if (finding.kind == "knelpunt") {
    std::vector<std::string> names;
    for (const auto& analysis : risk.analyses) names.emplace_back(assessor_name(analysis, lang));
    field(out, Label::analyses, lang, escaped_list(names));
  } else {
    field(out, Label::assessor, lang, markdown_escape(assessor_name(finding.assessor, lang)));
  }
  field(out, Label::kind, lang, markdown_escape(kind_name(finding.kind, lang)));
  if (!risk.replaces.empty()) field(out, Label::replaces, lang, escaped_list(risk.replaces));
  field(out, Label::assets, lang, escaped_list(finding.assets));
  field(out, Label::vital_processes, lang,
        risk.vital_processes.empty() ? std::string(label(Label::none, lang)) : escaped_list(risk.vital_processes));
  if (!risk.operators.empty()) field(out, Label::operator_name, lang, escaped_list(risk.operators));
  if (!finding.scenario.empty()) field(out, Label::scenario, lang, markdown_escape(finding.scenario));
  if (!finding.threat.empty()) field(out, Label::threat, lang, markdown_escape(finding.threat));
  if (!finding.subject.empty()) field(out, Label::subject, lang, markdown_escape(finding.subject));
  if (!finding.affected.empty())
    out += fmt::format("- **{} ({}):** {}\n", capitalized(label(Label::affected, lang)), finding.affected.size(),
                       escaped_list(finding.affected));
  out += "\n";

  write_chain(out, finding, lang);
  if (!finding.evidence.empty()) {
    out += fmt::format("#### {}\n\n", label(Label::evidence, lang));
    for (const auto& text : finding.evidence) out += "- " + markdown_escape(in_language(text, lang), true) + "\n";
    out += "\n";
  }
  write_cves(out, finding, lang);
  write_timeline(out, finding, lang);
  write_impact(out, reg, risk, lang);
  if (const auto& explanation = in_language(risk.score_explanation, lang); !explanation.empty())
    out += fmt::format("#### {}\n\n{}\n\n", label(Label::score_explanation, lang), markdown_escape(explanation, true));
  write_measures(out, risk, lang);
}

}  // namespace

std::string format_hours(double hours) {
  if (!std::isfinite(hours)) return "∞";
  const auto minutes = static_cast<long long>(std::llround(std::fabs(hours) * 60));
  const std::string sign = hours < 0 && minutes > 0 ? "-" : "";
  if (minutes % 60 == 0) return fmt::format("{}{}h", sign, minutes / 60);
  return fmt::format("{}{}h{:02}m", sign, minutes / 60, minutes % 60);
}

std::string format_number(double value, std::string_view lang) {
  if (!std::isfinite(value)) return value > 0 ? "∞" : value < 0 ? "-∞" : "?";
  std::string text = fmt::format("{}", value);
  return lang == "en" ? text : assessors::dutch_number(text);
}

std::string register_to_markdown(const Register& reg, std::string_view lang) {
  const RegisterSummary summary = summarize(reg);
  std::string out;
  write_header(out, reg, lang);
  write_summary(out, reg, summary, lang);
  write_diagram(out, reg, summary, lang);
  write_overview(out, reg, lang);
  if (!reg.risks.empty()) {
    out += fmt::format("## {}\n\n", label(Label::risks, lang));
    for (const auto& risk : reg.risks) write_risk(out, reg, risk, lang);
  }
  // One trailing newline, whatever the last block left.
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace knelpunt::risk_register
