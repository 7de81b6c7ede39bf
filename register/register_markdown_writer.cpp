#include "register/register_markdown_writer.hpp"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <cmath>

#include <map>

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "model/text_format.hpp"
#include "register/register_entry_parts.hpp"
#include "register/register_summary.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

using model::markdown_escape;

namespace {

std::string md_escape(std::string_view text) { return markdown_escape(text); }

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
  std::string horizon = register_duration(reg.horizon_h, lang);
  for (const auto& h : reg.horizons)
    if (h.horizon_h != reg.horizon_h)
      horizon += fmt::format("; {}: {}", markdown_escape(assessor_name(h.assessor, lang)),
                             register_duration(h.horizon_h, lang));
  // Cascades that start at an asset of these processes count longer.
  for (const auto& [process, hours] : reg.process_horizons)
    horizon += fmt::format("; {} {}: {}", label(Label::cascades_of, lang),
                           markdown_escape(process_name(reg, process, lang)),
                           register_duration(hours, lang));
  field(out, Label::horizon, lang, horizon);
  field(out, Label::profile, lang, markdown_escape(reg.profile));
  field(out, Label::risk_diagram, lang,
        markdown_escape(in_language(reg.diagram.name, reg.diagram.name_en, lang)));
  if (!reg.model_digest.empty()) field(out, Label::model_digest, lang, markdown_escape(reg.model_digest));
  if (!reg.feeds.empty()) field(out, Label::feeds, lang, feeds_line(reg, lang, &md_escape));
  if (!reg.tool_version.empty()) field(out, Label::tool, lang, "knelpunt " + markdown_escape(reg.tool_version));
  write_catalog_versions(out, reg, lang);
  out += "\n";
}

std::string impact_letter(const Risk& risk) {
  return risk.impact_class ? std::string(1, catalogs::class_letter(*risk.impact_class)) : "–";
}

/// A table of entries per level, highest level first, and a total; then how
/// an entry in two rows is counted, with the figures, so that nobody adds
/// the rows up to the register's size.
/// `entries`: how many entries the table counts (each once), which the
/// rows add up to when no entry is in two rows.
void write_level_table(std::string& out, const Register& reg, const LevelTable& table, std::size_t entries,
                       Label heading, Label row_label, Label no_name, Label rule, std::string_view lang) {
  if (table.rows.empty()) return;
  const std::size_t levels = reg.diagram.levels.size();
  out += fmt::format("### {}\n\n| {} |", label(heading, lang), capitalized(label(row_label, lang)));
  for (std::size_t l = levels; l-- > 0;)
    out += fmt::format(" {} |", markdown_escape(level_name(reg.diagram, static_cast<int>(l), lang)));
  out += fmt::format(" {} |\n|---|", label(Label::total, lang));
  for (std::size_t l = 0; l <= levels; ++l) out += "---|";
  out += "\n";
  std::size_t sum = 0;
  for (const auto* row : rows_by_name(table, lang)) {
    const std::string name = row->name.nl.empty() ? std::string(label(no_name, lang)) : in_language(row->name, lang);
    out += fmt::format("| {} |", markdown_escape(name));
    for (std::size_t l = levels; l-- > 0;)
      out += fmt::format(
          " {} |", format_number(
                       static_cast<double>(l < row->by_level.size() ? row->by_level[l] : 0), lang));
    out += fmt::format(" {} |\n", format_number(static_cast<double>(row->total), lang));
    sum += row->total;
  }
  out += fmt::format("\n{}. ", label(rule, lang));
  if (table.multiple == 0)
    out += fmt::format("{}.\n\n", label(Label::in_rows_none, lang));
  else
    out += fmt::format("{} {} {} {} {}.\n\n", counted(table.multiple, Label::risk_one, Label::risk_many, lang),
                       label(table.multiple == 1 ? Label::in_rows_one : Label::in_rows_many, lang),
                       format_number(static_cast<double>(sum), lang), label(Label::instead_of, lang),
                       format_number(static_cast<double>(entries), lang));
}

/// The ten highest entries in one sentence each, so that the board sees on
/// the first page what the register is about.
void write_highest(std::string& out, const Register& reg, std::string_view lang) {
  if (reg.risks.empty()) return;
  out += fmt::format("### {}\n\n_{}._\n\n", label(Label::highest_risks, lang), label(Label::register_order_note, lang));
  const std::size_t n = std::min<std::size_t>(10, reg.risks.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& risk = reg.risks[i];
    out += fmt::format("{}. **{}** ({}, {} {}, {} {}): {}. {}.\n", i + 1, markdown_escape(risk.id),
                       markdown_escape(level_name(reg.diagram, risk.level, lang)),
                       label(Label::likelihood, lang), catalogs::class_letter(risk.likelihood),
                       label(Label::impact, lang), impact_letter(risk),
                       markdown_escape(in_language(risk.finding.title, lang)),
                       capitalized(heaviest_consequence(reg, risk, lang, &md_escape)));
  }
  out += "\n";
}

/// What the register computed but does not list (register_selection.hpp):
/// the rule, then the count per sector and level, so the board sees that
/// it exists and where.
void write_not_listed(std::string& out, const Register& reg, std::string_view lang) {
  if (!reg.listing || reg.listing->not_listed == 0) return;
  const auto& listing = *reg.listing;
  out += fmt::format("### {}\n\n{} {} {} ({}: {} {}, {} {} {}).\n\n", label(Label::not_listed, lang),
                     model::format_grouped_integer(static_cast<double>(listing.not_listed), lang),
                     label(listing.not_listed == 1 ? Label::risk_one : Label::risk_many, lang),
                     label(Label::not_listed_computed, lang), label(Label::not_listed_rule, lang),
                     label(Label::not_listed_min_level, lang),
                     markdown_escape(level_name(reg.diagram, listing.min_level, lang)),
                     label(Label::not_listed_max_entries, lang),
                     model::format_grouped_integer(static_cast<double>(listing.max_entries), lang),
                     label(listing.max_entries == 1 ? Label::risk_one : Label::risk_many, lang));
  write_level_table(out, reg, listing.not_listed_by_kind, listing.not_listed,
                    Label::not_listed_per_kind, Label::kind, Label::kind, Label::kind_rule, lang);
  write_level_table(out, reg, listing.not_listed_by_sector, listing.not_listed, Label::not_listed_per_sector, Label::sector,
                    Label::no_sector, Label::sector_rule, lang);
  out += fmt::format("{}\n\n", label(Label::not_listed_full_table, lang));
}

/// What changed since the previous register (assess --previous): the line
/// of counts, then a table per kind of change; the entries this register
/// lists are linked by id, the others are named with their previous level.
void write_changes(std::string& out, const Register& reg, std::string_view lang) {
  if (!reg.changes) return;
  const auto& changes = *reg.changes;
  out += fmt::format("### {}\n\n{} {}: {}.\n\n", label(Label::since_previous, lang), label(Label::compared_with, lang),
                     previous_register_line(changes, lang, &md_escape), changes_headline(changes, lang));
  if (changes.languages_differ) out += fmt::format("{}\n\n", label(Label::previous_in_other_language, lang));
  auto heading = [&](Label name, std::size_t n) {
    out += fmt::format("**{} ({})**\n\n", capitalized(label(name, lang)), n);
  };
  if (!changes.added.empty()) {
    heading(Label::added, changes.added.size());
    out += fmt::format("| {} | {} | {} |\n|---|---|---|\n", capitalized(label(Label::id, lang)),
                       capitalized(label(Label::level, lang)), capitalized(label(Label::title, lang)));
    for (const auto& entry : changes.added)
      out += fmt::format("| {} | {} | {} |\n", md_escape(entry.id), md_escape(level_shown(entry, reg, lang)),
                         md_escape(current_title(reg, entry, lang)));
    out += "\n";
  }
  if (!changes.changed.empty()) {
    heading(Label::changed, changes.changed.size());
    out += fmt::format("| {} | {} | {} | {} |\n|---|---|---|---|\n", capitalized(label(Label::id, lang)),
                       capitalized(label(Label::level, lang)), capitalized(label(Label::title, lang)),
                       capitalized(label(Label::what_changed, lang)));
    for (const auto& changed : changes.changed)
      out += fmt::format("| {} | {}{} | {} | {} |\n", md_escape(changed.new_entry.id),
                         md_escape(level_shown(changed.new_entry, reg, lang)),
                         level_arrow(changed.level_direction),
                         md_escape(current_title(reg, changed.new_entry, lang)),
                         change_details(changed, reg, lang, &md_escape));
    out += "\n";
  }
  if (!changes.merged.empty()) {
    heading(Label::merged_into_entry, changes.merged.size());
    // The knelpunt's own entry says what it is now; the old title is not repeated.
    out += fmt::format("{}\n\n| {} | {} | {} |\n|---|---|---|\n", label(Label::merged_why, lang),
                       capitalized(label(Label::id, lang)), capitalized(label(Label::previous_level, lang)),
                       capitalized(label(Label::now_in, lang)));
    for (const auto& entry : changes.merged)
      out += fmt::format("| {} | {} | {} |\n", md_escape(entry.previous.id),
                         md_escape(level_shown(entry.previous, reg, lang)), md_escape(entry.now_in));
    out += "\n";
  }
  if (!changes.resolved.empty()) {
    heading(Label::resolved, changes.resolved.size());
    out += fmt::format("{}\n\n| {} | {} | {} |\n|---|---|---|\n", label(Label::resolved_why, lang),
                       capitalized(label(Label::id, lang)), capitalized(label(Label::previous_level, lang)),
                       capitalized(label(Label::title, lang)));
    for (const auto& entry : changes.resolved)
      out += fmt::format("| {} | {} | {} |\n", md_escape(entry.id), md_escape(level_shown(entry, reg, lang)),
                         md_escape(entry.title));
    out += "\n";
  }
  if (!changes.not_assessed.empty()) {
    heading(Label::not_assessed, changes.not_assessed.size());
    out += fmt::format("{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n", label(Label::not_assessed_why, lang),
                       capitalized(label(Label::id, lang)), capitalized(label(Label::previous_level, lang)),
                       capitalized(label(Label::title, lang)), capitalized(label(Label::not_assessed_reason, lang)));
    for (const auto& entry : changes.not_assessed)
      out += fmt::format("| {} | {} | {} | {} |\n", md_escape(entry.previous.id),
                         md_escape(level_shown(entry.previous, reg, lang)), md_escape(entry.previous.title),
                         md_escape(analyses_not_repeated(entry.missing, entry.changed, lang)));
    out += "\n";
  }
  if (!changes.not_listed.empty()) {
    heading(Label::no_longer_listed, changes.not_listed.size());
    out += fmt::format("{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n", label(Label::no_longer_listed_why, lang),
                       capitalized(label(Label::id, lang)), capitalized(label(Label::previous_level, lang)),
                       capitalized(label(Label::level_now, lang)), capitalized(label(Label::title, lang)));
    for (const auto& entry : changes.not_listed)
      out += fmt::format("| {} | {} | {} | {} |\n", md_escape(entry.previous.id),
                         md_escape(level_shown(entry.previous, reg, lang)), md_escape(entry.level_name),
                         md_escape(entry.previous.title));
    out += "\n";
  }
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
    // The counts add up to more than the entries when a knelpunt holds several analyses: say so.
    std::size_t counted_entries = 0;
    for (const auto& entry : summary.by_assessor) counted_entries += entry.second;
    out += fmt::format("{}: {}{}.\n\n", label(Label::per_assessor, lang), assessors,
                       counted_entries > reg.risks.size() ? fmt::format(" ({})", label(Label::per_assessor_note, lang))
                                                          : std::string());
  }
  std::string statuses;
  for (const auto& [status, n] : summary.by_status) {
    if (n == 0) continue;
    if (!statuses.empty()) statuses += ", ";
    statuses += fmt::format("{} {}", n, markdown_escape(status_label(status, lang)));
  }
  if (!statuses.empty()) out += fmt::format("{}: {}.\n\n", label(Label::tracking, lang), statuses);
  write_highest(out, reg, lang);
  write_changes(out, reg, lang);
  std::size_t scored = 0;  // the entries the tables count: those whose level is in the diagram
  for (auto n : summary.by_level) scored += n;
  write_level_table(out, reg, summary.by_sector, scored, Label::per_sector, Label::sector, Label::no_sector, Label::sector_rule,
                    lang);
  write_level_table(out, reg, summary.by_operator, scored, Label::per_operator, Label::operator_name, Label::no_operator,
                    Label::operator_rule, lang);
  write_not_listed(out, reg, lang);

  if (!reg.unmatched_tracking.empty()) {
    out += fmt::format("### {}\n\n{}:\n\n", label(Label::unmatched_tracking, lang),
                       label(Label::unmatched_tracking_intro, lang));
    for (const auto& u : reg.unmatched_tracking)
      out += fmt::format("- {} ({}){}\n", markdown_escape(u.key, true), markdown_escape(u.where),
                         u.now_in.empty() ? std::string()
                         : u.applied
                             ? fmt::format(" → {}", fmt::format(fmt::runtime(label(Label::applied_to, lang)),
                                                                markdown_escape(u.now_in)))
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
  if (!reg.likelihood_classes.empty())
    out += fmt::format("{}.\n\n", likelihood_classes_legend(reg, lang));
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

/// The chain as nested list items, one per instant (register_entry_parts.hpp).
void write_chain(std::string& out, const assessors::Finding& finding, std::string_view lang) {
  if (finding.chain.empty()) return;
  out += fmt::format("- **{}:**\n", label(Label::chain, lang));
  for (const auto& line : chain_lines(finding, lang, &md_escape)) out += "  - " + line + "\n";
}

void write_cves(std::string& out, const assessors::Finding& finding, std::string_view lang) {
  if (finding.cves.empty()) return;
  out += fmt::format("- **{}:**\n", label(Label::cves, lang));
  for (const auto& cve : finding.cves)
    out += "  - " + markdown_escape(cve.cve, true) + cve_details(cve, lang, &md_escape) + "\n";
}

/// People affected over time on one line: "t+18 uur — mensen (…): 249.000, objecten buiten werking: 17; …".
void write_timeline(std::string& out, const assessors::Finding& finding, std::string_view lang) {
  if (finding.timeline.empty()) return;
  std::vector<std::string> points;
  for (const auto& point : finding.timeline)
    points.push_back(fmt::format("t+{} — {}: {}, {}: {}, {}: {}", register_duration(point.t_h, lang),
                                 label(Label::people, lang), format_number(point.people, lang),
                                 label(Label::assets_failed, lang),
                                 format_number(static_cast<double>(point.assets_failed), lang),
                                 label(Label::services_lost, lang),
                                 format_number(static_cast<double>(point.services_lost.size()), lang)));
  field(out, Label::timeline, lang, fmt::format("{}", fmt::join(points, "; ")));
}

/// The impact on one line: the total class and score, then each criterion's
/// class and value ("E (catastrofaal), impactscore 135: 2.3 E 21.060.000 mensuren, …").
/// `open_everywhere`: criteria no entry has a class for, said once above the
/// entries; an entry names only its other open criteria.
void write_impact(std::string& out, const Register& reg, const Risk& risk, const std::vector<std::string>& open_everywhere,
                  std::string_view lang) {
  std::vector<std::string> criteria;
  for (const auto& c : risk.finding.impact)
    criteria.push_back(fmt::format("{} {} {}", markdown_escape(c.criterion), catalogs::class_letter(c.impact_class),
                                   criterion_value(reg, c, lang, &md_escape)));
  std::string line;
  if (risk.impact_class)
    line = fmt::format("{}, {} {}", class_with_name(catalogs::class_letter(*risk.impact_class),
                                                   impact_class_name(reg, *risk.impact_class, lang)),
                       label(Label::impact_score, lang), format_number(risk.impact_score, lang));
  else
    line = no_impact_text(risk, lang, &md_escape);
  if (!criteria.empty()) line += fmt::format(": {}", fmt::join(criteria, ", "));
  field(out, Label::impact, lang, line);
  // Criteria left to an analyst are named, never left out silently.
  std::vector<std::string> open;
  for (const auto& id : risk.impact_open)
    if (!std::binary_search(open_everywhere.begin(), open_everywhere.end(), id)) open.push_back(id);
  if (!open.empty())
    field(out, Label::not_determined, lang,
          fmt::format("{} — {}", criteria_text(reg, open, lang, &md_escape),
                      label(Label::not_determined_hint, lang)));
}

/// How each criterion's value was found, on one line (the classes and
/// values are in the entry).
void write_impact_basis(std::string& out, const Register& reg, const Risk& risk, std::string_view lang) {
  if (risk.finding.impact.empty()) return;
  std::vector<std::string> bases;
  for (const auto& c : risk.finding.impact) {
    const std::string name = criterion_name(reg, c.criterion, lang);
    bases.push_back(fmt::format("{}{}: {}", markdown_escape(c.criterion), name.empty() ? std::string() : " " + markdown_escape(name),
                                markdown_escape(in_language(c.basis, lang))));
  }
  out += fmt::format("- **{}:** {}\n", capitalized(label(Label::impact_basis, lang)), fmt::join(bases, " · "));
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
  field(out, Label::measures, lang,
        measures.empty() ? std::string(label(Label::none, lang)) : fmt::format("{}", fmt::join(measures, "; ")));
}

/// The appendix anchor of an entry: its id's heading there, as renderers
/// make anchors of headings (lower case; ids hold only letters, digits, '-').
std::string appendix_anchor(const std::string& id) {
  std::string anchor;
  for (char c : id)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-')
      anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return anchor;
}

/// "[keten (12 stappen), 54 getroffen objecten, verdere onderbouwing (9 regels)](#kp-knp-7c8a3f)":
/// what the appendix holds for the entry, linked.
void write_appendix_link(std::string& out, const Risk& risk, std::size_t further_lines, std::string_view lang) {
  const auto& finding = risk.finding;
  std::vector<std::string> parts;
  if (!finding.chain.empty())
    parts.push_back(fmt::format("{} ({})", label(Label::chain_short, lang),
                                counted(finding.chain.size() + finding.chain_omitted, Label::step_one, Label::step_many, lang)));
  parts.push_back(counted(finding.affected.size(), Label::affected_one, Label::affected_many, lang));
  if (further_lines > 0)
    parts.push_back(fmt::format("{} ({})", label(Label::further_evidence, lang),
                                counted(further_lines, Label::line_one, Label::line_many, lang)));
  if (!finding.timeline.empty()) {
    std::string timeline(label(Label::timeline, lang));  // a heading elsewhere: lower case in a sentence
    timeline[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(timeline[0])));
    parts.push_back(std::move(timeline));
  }
  field(out, Label::appendix, lang,
        fmt::format("[{}](#{})", fmt::join(parts, ", "), appendix_anchor(risk.id)));
}

/// An entry as a board reads it: what it is, how high, why, whose, the key
/// evidence, the measures and the tracking; the rest is in the appendix.
void write_risk(std::string& out, const Register& reg, const Risk& risk, const std::vector<std::string>& open_everywhere,
                std::string_view lang) {
  const auto& finding = risk.finding;
  out += fmt::format("### {}: {}\n\n", markdown_escape(risk.id), markdown_escape(in_language(finding.title, lang)));
  field(out, Label::level, lang,
        fmt::format("{} ({} {}, {} {})", markdown_escape(level_name(reg.diagram, risk.level, lang)),
                    label(Label::likelihood, lang), catalogs::class_letter(risk.likelihood), label(Label::impact, lang),
                    impact_letter(risk)));
  std::string likelihood = class_with_name(catalogs::class_letter(risk.likelihood), likelihood_name(reg, risk.likelihood, lang));
  if (const auto& rationale = in_language(finding.likelihood.rationale, lang); !rationale.empty())
    likelihood += ": " + markdown_escape(rationale);
  field(out, Label::likelihood, lang, likelihood);
  write_impact(out, reg, risk, open_everywhere, lang);
  field(
      out, Label::operator_name, lang,
      fmt::format("{} · {}: {}",
                  risk.operators.empty() ? std::string(label(Label::no_operator, lang))
                                         : escaped_list(risk.operators),
                  label(Label::vital_processes, lang),
                  risk.vital_processes.empty() ? std::string(label(Label::none, lang))
                                               : vital_processes_text(reg, risk, lang, md_escape)));
  const auto key = key_evidence_lines(risk);
  const auto further = static_cast<std::size_t>(std::count(key.begin(), key.end(), false));
  if (further + 1 == key.size()) {
    for (std::size_t i = 0; i < key.size(); ++i)
      if (key[i]) field(out, Label::evidence, lang, markdown_escape(in_language(finding.evidence[i], lang)));
  } else if (further < key.size()) {
    out += fmt::format("- **{}:**\n", label(Label::evidence, lang));
    for (std::size_t i = 0; i < key.size(); ++i)
      if (key[i]) out += "  - " + markdown_escape(in_language(finding.evidence[i], lang), true) + "\n";
  }
  write_measures(out, risk, lang);
  write_tracking(out, risk.tracking, lang);
  write_appendix_link(out, risk, further, lang);
  out += "\n";
}

/// An entry's appendix: under its id, everything the entry leaves out.
void write_appendix_entry(std::string& out, const Register& reg, const Risk& risk, std::string_view lang) {
  const auto& finding = risk.finding;
  // A reference section: the list follows its heading directly.
  out += fmt::format("### {}\n", markdown_escape(risk.id));
  if (const auto& description = in_language(finding.description, lang); !description.empty())
    field(out, Label::description, lang, markdown_escape(description));
  std::string origin;
  if (risk.analyses.size() > 1 || finding.kind == "knelpunt") {  // found by several analyses
    std::vector<std::string> names;
    for (const auto& analysis : risk.analyses) names.emplace_back(assessor_name(analysis, lang));
    origin = fmt::format("**{}:** {}", capitalized(label(Label::analyses, lang)), escaped_list(names));
  } else {
    origin = fmt::format("**{}:** {}", capitalized(label(Label::assessor, lang)),
                         markdown_escape(assessor_name(finding.assessor, lang)));
  }
  // The kind, unless its name is the analysis's own (a single point found by single-point).
  const auto kind = kind_name(finding.kind, finding.assets.size(), lang);
  if (finding.kind == "knelpunt" || kind != assessor_name(finding.assessor, lang))
    origin += fmt::format(" · {}: {}", label(Label::kind, lang), markdown_escape(kind));
  if (!risk.replaces.empty()) origin += fmt::format(" · {}: {}", label(Label::replaces, lang), escaped_list(risk.replaces));
  // A zone's entry has no assets of its own: its subject names the zone.
  if (!finding.assets.empty()) origin += fmt::format(" · {}: {}", label(Label::assets, lang), escaped_list(finding.assets));
  const std::string threat = threat_text(reg, finding.threat, lang);
  const std::pair<Label, const std::string*> keys[] = {{Label::scenario, &finding.scenario},
                                                       {Label::threat, &threat},
                                                       {Label::subject, &finding.subject}};
  for (const auto& [key, value] : keys)
    if (!value->empty()) origin += fmt::format(" · {}: {}", label(key, lang), markdown_escape(*value));
  out += "- " + origin + "\n";
  write_chain(out, finding, lang);
  // A whole chain names every asset that fails; a shortened or absent one does not.
  if (!finding.affected.empty() && (finding.chain.empty() || chain_shortened(finding)))
    out += fmt::format("- **{} ({}):** {}\n", capitalized(label(Label::affected, lang)),
                       format_number(static_cast<double>(finding.affected.size()), lang),
                       escaped_list(finding.affected));
  const auto key = key_evidence_lines(risk);
  if (std::find(key.begin(), key.end(), false) != key.end()) {
    out += fmt::format("- **{}:**\n", capitalized(label(Label::further_evidence, lang)));
    for (std::size_t i = 0; i < key.size(); ++i)
      if (!key[i]) out += "  - " + markdown_escape(in_language(finding.evidence[i], lang), true) + "\n";
  }
  write_cves(out, finding, lang);
  write_timeline(out, finding, lang);
  write_impact_basis(out, reg, risk, lang);
  out += "\n";
}

}  // namespace

std::string format_number(double value, std::string_view lang) {
  if (!std::isfinite(value)) return value > 0 ? "∞" : value < 0 ? "-∞" : "?";
  std::string text = fmt::format("{}", value);
  return lang == "en" ? assessors::english_number(text) : assessors::dutch_number(text);
}

std::string register_to_markdown(const Register& reg, std::string_view lang) {
  const RegisterSummary summary = summarize(reg);
  std::string out;
  write_header(out, reg, lang);
  write_summary(out, reg, summary, lang);
  write_diagram(out, reg, summary, lang);
  write_overview(out, reg, lang);
  if (!reg.risks.empty()) {
    out += fmt::format("## {}\n\n{}.\n\n", label(Label::risks, lang), label(Label::level_rule, lang));
    if (const auto scored = scored_criteria(reg); !scored.empty())
      out += fmt::format("**{}:** {} — {}.\n\n", label(Label::criteria_scored, lang),
                         criteria_text(reg, scored, lang, &md_escape),
                         label(Label::criteria_scored_hint, lang));
    const auto open_everywhere = open_in_every_entry(reg);
    if (!open_everywhere.empty())
      out += fmt::format("**{}** {}: {} — {}.\n\n", capitalized(label(Label::not_determined, lang)),
                         label(Label::in_every_entry, lang),
                         criteria_text(reg, open_everywhere, lang, &md_escape),
                         label(Label::not_determined_hint, lang));
    for (const auto& risk : reg.risks) write_risk(out, reg, risk, open_everywhere, lang);
    out += fmt::format("## {}\n\n{}.\n\n", label(Label::appendix_title, lang),
                       fmt::format(fmt::runtime(label(Label::appendix_intro, lang)), kChainInstants));
    for (const auto& risk : reg.risks) write_appendix_entry(out, reg, risk, lang);
  }
  // One trailing newline, whatever the last block left.
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace knelpunt::risk_register
