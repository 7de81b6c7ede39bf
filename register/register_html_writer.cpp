#include "register/register_html_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/text_format.hpp"
#include "register/graph_svg_writer.hpp"
#include "register/register_entry_parts.hpp"
#include "register/register_markdown_writer.hpp"
#include "register/register_summary.hpp"
#include "register/level_colours.hpp"
#include "register/report_dependency_graph.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

using model::html_escape;

std::string esc(std::string_view text) { return html_escape(text); }

/// The one inline script: shows the filter bar, filters the register table by
/// level, sector, operator, status and a search text, and sorts it by a
/// column. Without it the table is complete and in register order.
/// Its SHA-256 is kScriptHash: change both together (html_report_check.py
/// says the right hash when they differ).
constexpr std::string_view kScript =
    R"JS((function(){var t=document.getElementById('register-table'),f=document.getElementById('filters');if(!t||!f)return;f.hidden=false;document.documentElement.setAttribute('data-script','on');var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),sel=f.querySelectorAll('select'),q=f.querySelector('input'),out=document.getElementById('filter-count'),none=document.getElementById('filter-none'),text=out.getAttribute('data-text');function apply(){var n=0,s=q.value.toLowerCase();rows.forEach(function(r){var ok=!s||r.textContent.toLowerCase().indexOf(s)>=0;sel.forEach(function(c){if(c.value&&r.getAttribute('data-'+c.name).split('\t').indexOf(c.value)<0)ok=false;});r.hidden=!ok;if(ok)n++;});out.textContent=text.replace('{}',n).replace('{}',rows.length);none.hidden=n>0;}sel.forEach(function(c){c.addEventListener('change',apply);});q.addEventListener('input',apply);t.querySelectorAll('th button').forEach(function(b){b.addEventListener('click',function(){var th=b.parentNode,col=Array.prototype.indexOf.call(th.parentNode.children,th),num=th.hasAttribute('data-numeric'),asc=th.getAttribute('aria-sort')!=='ascending';t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');rows.sort(function(x,y){var a=x.cells[col].getAttribute('data-sort')||x.cells[col].textContent,c=y.cells[col].getAttribute('data-sort')||y.cells[col].textContent,d=num?parseFloat(a)-parseFloat(c):a.localeCompare(c,document.documentElement.lang);return asc?d:-d;});rows.forEach(function(r){body.appendChild(r);});});});apply();})();)JS";
constexpr std::string_view kScriptHash = "sha256-jkfnDt7bOdSUcW3F7JpDKKmtsj0/1AWzzUWHG0IE3JA=";

/// Escaped text with `code` spans for the parts a fixed text puts in
/// backticks (a command, a YAML key).
std::string with_code(std::string_view text) {
  std::string out;
  bool open = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '`') continue;
    out += esc(text.substr(start, i - start));
    if (i < text.size()) out += open ? "</code>" : "<code>";
    open = !open;
    start = i + 1;
  }
  if (!open) out += "</code>";  // an unpaired backtick: close the span
  return out;
}

std::string impact_letter(const Risk& risk) {
  return risk.impact_class ? std::string(1, catalogs::class_letter(*risk.impact_class)) : "–";
}

std::string class_with_name(char letter, const std::string& name) {
  return name.empty() ? std::string(1, letter) : fmt::format("{} ({})", letter, esc(name));
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += esc(item);
  }
  return out;
}

/// A count as the language writes it: Dutch 1.234, English 1,234.
std::string grouped(std::size_t n, std::string_view lang) {
  return model::format_grouped_integer(static_cast<double>(n), lang);
}

/// A level as a badge: its name on its fill, so that it reads without colour too.
std::string level_badge(const Register& reg, int level, std::string_view lang) {
  const std::size_t levels = reg.diagram.levels.size();
  return fmt::format(R"(<span class="level" style="background:{};color:{}">{}</span>)",
                     level_fill(level, levels), level_ink(level, levels),
                     esc(level_name(reg.diagram, level, lang)));
}

/// The id an entry's section has, and its appendix's: the risk id (letters,
/// digits and '-'), escaped all the same.
std::string entry_anchor(const Risk& risk) { return esc(risk.id); }
std::string appendix_anchor(const Risk& risk) { return "a-" + esc(risk.id); }

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1a1a1a;--muted:#555;--rule:#ccc;--band:#f4f4f4;--link:#0b4f8a}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1280px;padding:0 1.2rem 3rem}
a{color:var(--link)}
h1{font-size:1.6rem;margin:.8rem 0 .2rem}
h2{font-size:1.25rem;margin:1.4rem 0 .5rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:var(--band);padding:0 .2em}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr) max-content minmax(0,1fr);gap:.05rem .8rem;margin:.3rem 0;font-size:.82rem;color:var(--muted)}
@media (max-width:980px){.meta{grid-template-columns:max-content minmax(0,1fr)}}
.meta dt{font-weight:600}.meta dd{margin:0}
.note{font-size:.8rem;color:var(--muted);max-width:70rem;margin:.3rem 0}
.board{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.05fr);gap:1.5rem;align-items:start}
@media (max-width:980px){.board{grid-template-columns:1fr}}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.3rem 0 .5rem;padding:0;list-style:none}
.counts li{padding:.3rem .7rem;border:1px solid var(--ink);border-radius:4px;font-weight:600}
.top{padding-left:1.6rem;margin:.3rem 0;font-size:.86rem;line-height:1.35}.top li{margin:.2rem 0}
.level{display:inline-block;padding:0 .45em;border-radius:3px;border:1px solid #888;white-space:nowrap;font-weight:600}
svg.diagram{width:100%;height:auto;max-width:760px}
svg.timeline,svg.services{display:block;max-width:100%;height:auto;margin:.4rem 0}
svg.diagram text{font-family:inherit}
.legend{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;font-size:.85rem;margin:.3rem 0;padding:0;list-style:none}
.legend li{display:flex;gap:.3rem;align-items:center}
.swatch{display:inline-block;width:1.1em;height:1.1em;border:1px solid #888}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid var(--rule);padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:var(--band)}
table.changes td:first-child{white-space:nowrap}
td.num,th.num{text-align:right}
table.levels{width:auto;min-width:28rem}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \25B2"}th[aria-sort=descending] button::after{content:" \25BC"}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0;padding:.5rem;background:var(--band)}
.filters label{display:flex;flex-direction:column;font-size:.8rem}
.filters select,.filters input{font:inherit;max-width:16rem}
#register-table tbody tr:nth-child(even){background:#fafafa}
#register-table td:nth-child(2){white-space:nowrap}
#register-table td:nth-child(4){min-width:18rem;width:38%}
.entry{border-top:1px solid var(--rule);padding-top:.2rem}
.entry dl,dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.3rem 0}
.entry dt,.facts dt{font-weight:600}.entry dd,.facts dd{margin:0}
.entry ul{margin:0;padding-left:1.2rem}
.back{font-size:.8rem}
.appendix section{border-top:1px solid var(--rule)}
.appendix table{width:auto;min-width:24rem}
.page-footer{display:none}
@page{size:A4;margin:16mm 12mm 18mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}}
@media print{
 body{font-size:9.5pt;max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
 .filters,.back,nav.contents{display:none !important}
 .board{grid-template-columns:1.8fr 1fr;gap:.8rem}.board p{margin:.3rem 0}
 h1{font-size:16pt;margin:0 0 .2rem}h2{font-size:12pt;margin:.8rem 0 .3rem}h3{font-size:10.5pt;margin:.6rem 0 .3rem}
 header dl.meta,header p.note,.board p.note,ol.top{font-size:8pt;line-height:1.3}
 .counts{margin:.2rem 0 .3rem}.counts li{padding:.1rem .5rem;font-size:9pt}.board h2{margin-top:.4rem}
 ol.top{font-size:7.5pt;padding-left:1.3rem}.top li{margin:0}
 h2{break-after:avoid}h3{break-after:avoid}
 section.part{break-before:page}
 tr,svg,li,h3,.entry dd{break-inside:avoid}
 .entry dl{display:block}.entry dt{float:left;clear:left;width:7.5rem;break-after:avoid}.entry dd{margin-left:8.3rem}
 svg.depgraph{display:block;width:100%;height:235mm}
 #register-table{table-layout:fixed;font-size:7.5pt}
 #register-table td{overflow-wrap:anywhere;padding:.15rem .25rem}
 #register-table th{padding:.15rem .25rem;font-size:7pt}
 #register-table th button{display:none}#register-table th::before{content:attr(data-label)}
 #register-table th:nth-child(1){width:4%}#register-table th:nth-child(2){width:13%}
 #register-table th:nth-child(3){width:11%}#register-table th:nth-child(4){width:26%}
 #register-table th:nth-child(5){width:11%}#register-table th:nth-child(6){width:13%}
 #register-table th:nth-child(7){width:6%}#register-table th:nth-child(8){width:6%}
 #register-table th:nth-child(9){width:10%}
 #register-table td:nth-child(4){min-width:0;width:auto}
 thead{display:table-header-group}
 #register-table tbody tr[hidden]{display:table-row}
 .level,.swatch,th,code{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

/// The model, tool and feed dates at the foot of every printed page.
std::string page_footer_rule(const Register& reg, std::string_view lang) {
  std::string footer = fmt::format("{} {}", label(Label::register_title, lang), reg.model_name);
  if (!reg.date.empty()) footer += " · " + reg.date;
  if (!reg.tool_version.empty()) footer += " · knelpunt " + reg.tool_version;
  std::string feeds;
  for (const auto& feed : reg.feeds)
    if (feed.present && !feed.feed_date.empty())
      feeds += (feeds.empty() ? "" : ", ") + feed.feed + " " + feed_day(feed.feed_date);
  if (!feeds.empty())
    footer += fmt::format(" · {} {}", label(Label::page_footer_feeds, lang), feeds);
  return fmt::format("@page{{@bottom-left{{content:{};font-size:8pt;color:#555}}}}\n",
                     model::css_string(footer));
}

void write_head(std::string& out, const Register& reg, std::string_view lang) {
  out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                     lang == "en" ? "en" : "nl");
  // Nothing loads from anywhere: no fonts, images, frames, connections or
  // forms; the style sheet is inline and only the one script with this hash runs.
  out += fmt::format(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; "
      "script-src '{}'; img-src data:; base-uri 'none'; form-action 'none'\">\n",
      kScriptHash);
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += fmt::format("<meta name=\"generator\" content=\"knelpunt {}\">\n", esc(reg.tool_version));
  out += fmt::format("<title>{} {}</title>\n", label(Label::register_title, lang),
                     esc(reg.model_name));
  out += "<style>";
  out += kStyle;
  out += page_footer_rule(reg, lang);
  out += "</style>\n</head>\n<body>\n";
}

/// The header facts as the Markdown register gives them: authority, date,
/// horizon, profile, diagram, fingerprint, feeds, tool, catalogues.
void write_meta(std::string& out, const Register& reg, std::string_view lang) {
  out += "<dl class=\"meta\">\n";
  auto item = [&](Label key, const std::string& value_html) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", capitalized(label(key, lang)), value_html);
  };
  if (!reg.authority.empty()) item(Label::authority, esc(reg.authority));
  if (!reg.date.empty()) item(Label::date, esc(reg.date));
  std::string horizon = register_duration(reg.horizon_h, lang);
  for (const auto& h : reg.horizons)
    if (h.horizon_h != reg.horizon_h)
      horizon += fmt::format("; {}: {}", esc(assessor_name(h.assessor, lang)),
                             register_duration(h.horizon_h, lang));
  for (const auto& [process, hours] : reg.process_horizons)
    horizon += fmt::format("; {} {}: {}", label(Label::cascades_of, lang), esc(process_name(reg, process, lang)),
                           register_duration(hours, lang));
  item(Label::horizon, horizon);
  item(Label::profile, esc(reg.profile));
  item(Label::risk_diagram, esc(in_language(reg.diagram.name, reg.diagram.name_en, lang)));
  if (!reg.model_digest.empty())
    item(Label::model_digest, "<code>" + esc(reg.model_digest) + "</code>");
  if (!reg.feeds.empty()) item(Label::feeds, feeds_line(reg, lang, &esc));
  if (!reg.tool_version.empty()) item(Label::tool, "knelpunt " + esc(reg.tool_version));
  bool scoring_defaults = false, scoring_overridden = false;
  if (!reg.catalogs.empty()) {
    std::string versions;
    for (const auto& catalog : reg.catalogs) {
      if (!versions.empty()) versions += ", ";
      versions += fmt::format("{} v{}", esc(catalog.id), catalog.version);
      if (catalog.overridden)
        versions += fmt::format(" ({})", label(Label::catalog_overridden, lang));
      if (catalog.id == "scoring") {
        scoring_defaults = catalog.defaults && !catalog.overridden;
        scoring_overridden = catalog.defaults && catalog.overridden;
      }
    }
    item(Label::catalogs, versions);
  }
  out += "</dl>\n";
  if (scoring_defaults)
    out += fmt::format("<p class=\"note\">{}</p>\n",
                       with_code(label(Label::scoring_defaults_note, lang)));
  if (scoring_overridden)
    out += fmt::format("<p class=\"note\">{}</p>\n",
                       with_code(label(Label::scoring_overridden_note, lang)));
}

/// The counts per level, highest first, each on its level's colour.
void write_level_counts(std::string& out, const Register& reg, const RegisterSummary& summary,
                        std::string_view lang) {
  out += fmt::format("<p>{} {}.</p>\n<ul class=\"counts\">\n", label(Label::summary_holds, lang),
                     counted(reg.risks.size(), Label::risk_one, Label::risk_many, lang));
  const std::size_t levels = summary.by_level.size();
  for (std::size_t l = levels; l-- > 0;)
    out +=
        fmt::format("<li data-level=\"{}\" style=\"background:{};color:{}\">{} {}</li>\n",
                    esc(level_id(reg.diagram, static_cast<int>(l))),
                    level_fill(static_cast<int>(l), levels), level_ink(static_cast<int>(l), levels),
                    model::format_grouped_integer(static_cast<double>(summary.by_level[l]), lang),
                    esc(level_name(reg.diagram, static_cast<int>(l), lang)));
  out += "</ul>\n";
}

/// The ten highest entries in one sentence each, linked to their sections.
void write_highest(std::string& out, const Register& reg, std::string_view lang) {
  if (reg.risks.empty()) return;
  out += fmt::format("<h3>{}</h3>\n<p class=\"note\">{}.</p>\n<ol class=\"top\">\n",
                     label(Label::highest_risks, lang),
                     capitalized(label(Label::register_order_note, lang)));
  const std::size_t n = std::min<std::size_t>(10, reg.risks.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto& risk = reg.risks[i];
    out += fmt::format("<li><a href=\"#{}\">{}</a> {} ({} {}, {} {}): {}. {}.</li>\n",
                       entry_anchor(risk), esc(risk.id), level_badge(reg, risk.level, lang),
                       label(Label::likelihood, lang), catalogs::class_letter(risk.likelihood),
                       label(Label::impact, lang), impact_letter(risk),
                       esc(in_language(risk.finding.title, lang)),
                       capitalized(heaviest_consequence(reg, risk, lang, &esc)));
  }
  out += "</ol>\n";
}

/// The 5×5 diagram: likelihood up, impact to the right, each cell on its
/// level's fill with its level and count, and a numbered dot per entry
/// linked to the entry. A cell with more entries than dots links the rest
/// to the register table.
void write_diagram_svg(std::string& out, const Register& reg, const RegisterSummary& summary,
                       std::string_view lang) {
  constexpr int kLeft = 150, kTop = 8, kCellW = 130, kCellH = 104, kBottom = 56;
  constexpr int kDotStep = 20, kDotsPerRow = 6, kDotRows = 4, kDotTop = 29;
  constexpr std::size_t kDotsPerCell = kDotsPerRow * kDotRows;
  const int width = kLeft + 5 * kCellW + 4, height = kTop + 5 * kCellH + kBottom;
  const std::size_t levels = reg.diagram.levels.size();
  // The entries of each cell, in register order, with their rank.
  std::vector<std::size_t> cell_entries[catalogs::kClassCount][catalogs::kClassCount];
  for (std::size_t i = 0; i < reg.risks.size(); ++i) {
    const auto& risk = reg.risks[i];
    if (!risk.impact_class || risk.likelihood < 0 || risk.likelihood >= catalogs::kClassCount ||
        *risk.impact_class < 0 || *risk.impact_class >= catalogs::kClassCount)
      continue;
    cell_entries[risk.likelihood][*risk.impact_class].push_back(i);
  }
  const std::string title = in_language(reg.diagram.name, reg.diagram.name_en, lang);
  out += fmt::format(
      "<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" "
      "aria-labelledby=\"diagram-title\"><title id=\"diagram-title\">{}</title>\n",
      width, height, esc(title));
  for (catalogs::ClassIndex l = 0; l < catalogs::kClassCount; ++l) {
    const int y = kTop + (catalogs::kClassCount - 1 - l) * kCellH;
    // The likelihood class on the left, its name below the letter.
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"15\" "
        "font-weight=\"600\">{}</text>",
        kLeft - 8, y + kCellH / 2, catalogs::class_letter(l));
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"10.5\">{}</text>\n",
                       kLeft - 8, y + kCellH / 2 + 15, esc(likelihood_name(reg, l, lang)));
    for (catalogs::ClassIndex i = 0; i < catalogs::kClassCount; ++i) {
      const int x = kLeft + i * kCellW;
      const int level = reg.diagram.cells[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
      const auto& entries = cell_entries[l][i];
      out += fmt::format(
          "<g data-likelihood=\"{}\" data-impact=\"{}\" data-count=\"{}\"><rect x=\"{}\" y=\"{}\" "
          "width=\"{}\" "
          "height=\"{}\" fill=\"{}\" stroke=\"#666\"/>",
          catalogs::class_letter(l), catalogs::class_letter(i), summary.cells[l][i], x, y, kCellW,
          kCellH, level_fill(level, levels));
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10.5\" fill=\"{}\">{} ({})</text>",
                         x + 5, y + 15, level_ink(level, levels),
                         esc(level_name(reg.diagram, level, lang)),
                         grouped(summary.cells[l][i], lang));
      const bool overflow = entries.size() > kDotsPerCell;
      const std::size_t dots = overflow ? kDotsPerCell - 1 : entries.size();
      for (std::size_t k = 0; k < dots; ++k) {
        const auto& risk = reg.risks[entries[k]];
        const int cx = x + 12 + static_cast<int>(k % kDotsPerRow) * kDotStep;
        const int cy = y + kDotTop + static_cast<int>(k / kDotsPerRow) * kDotStep;
        const std::size_t rank = entries[k] + 1;
        out += fmt::format(
            "<a href=\"#{}\"><title>{}. {}: {}</title><circle cx=\"{}\" cy=\"{}\" r=\"9.2\" "
            "fill=\"#1a1a2e\" "
            "stroke=\"#fff\" stroke-width=\"1\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
            "font-size=\"{}\" "
            "fill=\"#fff\">{}</text></a>",
            entry_anchor(risk), rank, esc(risk.id), esc(in_language(risk.finding.title, lang)), cx,
            cy, cx, cy + 3.5, rank < 100 ? "10" : "7.5", rank);
      }
      if (overflow)
        out += fmt::format(
            "<a href=\"#overzicht\"><text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"{}\" "
            "text-decoration=\"underline\">{}</text></a>",
            x + 5 + static_cast<int>(dots % kDotsPerRow) * kDotStep,
            y + kDotTop + 3 + static_cast<int>(dots / kDotsPerRow) * kDotStep,
            level_ink(level, levels),
            fmt::format(fmt::runtime(label(Label::diagram_more, lang)),
                        grouped(entries.size() - dots, lang)));
      out += "</g>\n";
    }
  }
  // The impact classes below, their names under the letters; the axis names.
  const int base = kTop + 5 * kCellH;
  for (catalogs::ClassIndex i = 0; i < catalogs::kClassCount; ++i) {
    const int cx = kLeft + i * kCellW + kCellW / 2;
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"15\" "
        "font-weight=\"600\">{}</text>",
        cx, base + 17, catalogs::class_letter(i));
    out +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10.5\">{}</text>\n",
                    cx, base + 31, esc(impact_class_name(reg, i, lang)));
  }
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12.5\" font-weight=\"600\">{} "
      "→</text>",
      kLeft + 5 * kCellW / 2, base + 50, capitalized(label(Label::impact, lang)));
  out += fmt::format(
      "<text x=\"14\" y=\"{}\" text-anchor=\"middle\" font-size=\"12.5\" font-weight=\"600\" "
      "transform=\"rotate(-90 14 {})\">{} "
      "→</text>\n",
      kTop + 5 * kCellH / 2, kTop + 5 * kCellH / 2, capitalized(label(Label::likelihood, lang)));
  out += "</svg>\n";
}

void write_legend(std::string& out, const Register& reg, std::string_view lang) {
  const std::size_t levels = reg.diagram.levels.size();
  out += fmt::format("<ul class=\"legend\" aria-label=\"{}\"><li><strong>{}:</strong></li>",
                     label(Label::legend, lang), label(Label::legend, lang));
  for (std::size_t l = 0; l < levels; ++l)
    out += fmt::format("<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>",
                       level_fill(static_cast<int>(l), levels),
                       esc(level_name(reg.diagram, static_cast<int>(l), lang)));
  out += "</ul>\n";
  out += fmt::format("<p class=\"note\">{}. {}.</p>\n", label(Label::diagram_dots, lang),
                     label(Label::colour_note, lang));
}

/// The board's page: header, counts, the highest risks beside the diagram.
void write_board(std::string& out, const Register& reg, const RegisterSummary& summary,
                 std::string_view lang) {
  out += fmt::format("<header id=\"samenvatting\">\n<h1>{} {}</h1>\n",
                     label(Label::register_title, lang), esc(reg.model_name));
  write_meta(out, reg, lang);
  out += "</header>\n<section class=\"board\">\n<div>\n";
  out += fmt::format("<h2>{}</h2>\n", label(Label::summary, lang));
  write_level_counts(out, reg, summary, lang);
  std::string statuses;
  for (const auto& [status, n] : summary.by_status) {
    if (n == 0) continue;
    if (!statuses.empty()) statuses += ", ";
    statuses += fmt::format("{} {}", grouped(n, lang), esc(status_label(status, lang)));
  }
  if (!statuses.empty())
    out += fmt::format("<p>{}: {}.</p>\n", label(Label::tracking, lang), statuses);
  if (reg.changes)
    out += fmt::format("<p class=\"changes\"><a href=\"#wijzigingen\">{}</a>: {}.</p>\n",
                       label(Label::since_previous, lang), changes_headline(*reg.changes, lang));
  write_highest(out, reg, lang);
  out += "</div>\n<div>\n";
  out += fmt::format("<h2 id=\"diagram\">{}</h2>\n", label(Label::risk_diagram, lang));
  write_diagram_svg(out, reg, summary, lang);
  write_legend(out, reg, lang);
  if (!reg.likelihood_classes.empty())
    out += fmt::format("<p class=\"note\">{}.</p>\n", esc(likelihood_classes_legend(reg, lang)));
  if (summary.without_impact_class > 0)
    out +=
        fmt::format("<p class=\"note\">{} {}.</p>\n",
                    counted(summary.without_impact_class, Label::risk_one, Label::risk_many, lang),
                    label(Label::not_in_diagram, lang));
  out += "</div>\n</section>\n";
}

/// The dependency graph of the vital assets with the knelpunten highlighted
/// (report_dependency_graph.hpp), when the register carries one.
void write_dependency_graph(std::string& out, const Register& reg, std::string_view lang) {
  if (!reg.dependency_graph) return;
  const auto& figure = *reg.dependency_graph;
  out += fmt::format("<section class=\"part\" id=\"afhankelijkheden\">\n<h2>{}</h2>\n<p class=\"note\">{}.</p>\n",
                     label(Label::graph_heading, lang), label(Label::graph_intro, lang));
  if (figure.reduced)
    out += fmt::format("<p class=\"note\">{}.</p>\n",
                       fmt::format(fmt::runtime(label(Label::graph_reduced, lang)),
                                   grouped(figure.view.asset_nodes, lang), grouped(figure.vital_assets, lang)));
  if (figure.layout)
    out += graph_to_svg(figure.view, *figure.layout, {false, true, "depgraph"});
  else
    out += fmt::format("<p class=\"note\">{}.</p>\n",
                       esc(fmt::format(fmt::runtime(label(Label::graph_failed, lang)), figure.error)));
  out += "</section>\n";
}

void write_contents(std::string& out, const Register& reg, std::string_view lang) {
  out += fmt::format("<nav class=\"contents\" aria-label=\"{0}\"><strong>{0}:</strong> ",
                     label(Label::report_contents, lang));
  // In the order of the sections.
  out += fmt::format("<a href=\"#samenvatting\">{}</a> · <a href=\"#diagram\">{}</a>",
                     label(Label::summary, lang), label(Label::risk_diagram, lang));
  if (reg.changes)
    out += fmt::format(" · <a href=\"#wijzigingen\">{}</a>", label(Label::since_previous, lang));
  if (reg.dependency_graph)
    out += fmt::format(" · <a href=\"#afhankelijkheden\">{}</a>", label(Label::graph_heading, lang));
  out += fmt::format(" · <a href=\"#per-sector\">{}</a> · <a href=\"#overzicht\">{}</a>",
                     label(Label::per_sector_and_operator, lang), label(Label::overview, lang));
  if (!reg.risks.empty())
    out += fmt::format(" · <a href=\"#risicos\">{}</a> · <a href=\"#bijlage\">{}</a>",
                       label(Label::risks, lang), label(Label::appendix_title, lang));
  out += "</nav>\n";
}

/// A table of entries per level (sector or operator), highest level first,
/// and how an entry in two rows is counted, as the Markdown register says it.
void write_level_table(std::string& out, const Register& reg, const LevelTable& table,
                       std::size_t entries, Label heading, Label row_label, Label no_name,
                       Label rule, std::string_view lang) {
  if (table.rows.empty()) return;
  const std::size_t levels = reg.diagram.levels.size();
  out += fmt::format("<h3>{}</h3>\n<table class=\"levels\"><thead><tr><th scope=\"col\">{}</th>",
                     label(heading, lang), capitalized(label(row_label, lang)));
  for (std::size_t l = levels; l-- > 0;)
    out += fmt::format("<th scope=\"col\" class=\"num\">{}</th>",
                       level_badge(reg, static_cast<int>(l), lang));
  out += fmt::format("<th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
                     label(Label::total, lang));
  std::size_t sum = 0;
  for (const auto* row : rows_by_name(table, lang)) {
    const std::string name =
        row->name.nl.empty() ? std::string(label(no_name, lang)) : in_language(row->name, lang);
    out += fmt::format("<tr><th scope=\"row\">{}</th>", esc(name));
    for (std::size_t l = levels; l-- > 0;)
      out += fmt::format("<td class=\"num\">{}</td>",
                         grouped(l < row->by_level.size() ? row->by_level[l] : 0, lang));
    out += fmt::format("<td class=\"num\">{}</td></tr>\n", grouped(row->total, lang));
    sum += row->total;
  }
  out += fmt::format("</tbody></table>\n<p class=\"note\">{}. ", label(rule, lang));
  if (table.multiple == 0)
    out += fmt::format("{}.</p>\n", label(Label::in_rows_none, lang));
  else
    out += fmt::format("{} {} {} {} {}.</p>\n",
                       counted(table.multiple, Label::risk_one, Label::risk_many, lang),
                       label(table.multiple == 1 ? Label::in_rows_one : Label::in_rows_many, lang),
                       model::format_grouped_integer(static_cast<double>(sum), lang),
                       label(Label::instead_of, lang),
                       model::format_grouped_integer(static_cast<double>(entries), lang));
}

void write_tables(std::string& out, const Register& reg, const RegisterSummary& summary,
                  std::string_view lang) {
  out += fmt::format("<section class=\"part\" id=\"per-sector\">\n<h2>{}</h2>\n",
                     label(Label::per_sector_and_operator, lang));
  std::size_t scored = 0;
  for (auto n : summary.by_level) scored += n;
  write_level_table(out, reg, summary.by_sector, scored, Label::per_sector, Label::sector,
                    Label::no_sector, Label::sector_rule, lang);
  write_level_table(out, reg, summary.by_operator, scored, Label::per_operator,
                    Label::operator_name, Label::no_operator, Label::operator_rule, lang);
  if (reg.listing && reg.listing->not_listed > 0) {
    const auto& listing = *reg.listing;
    out += fmt::format(
        "<h3>{}</h3>\n<p>{} {} {} ({}: {} {}, {} {} {}).</p>\n", label(Label::not_listed, lang),
        model::format_grouped_integer(static_cast<double>(listing.not_listed), lang),
        label(listing.not_listed == 1 ? Label::risk_one : Label::risk_many, lang),
        label(Label::not_listed_computed, lang), label(Label::not_listed_rule, lang),
        label(Label::not_listed_min_level, lang),
        esc(level_name(reg.diagram, listing.min_level, lang)),
        label(Label::not_listed_max_entries, lang),
        model::format_grouped_integer(static_cast<double>(listing.max_entries), lang),
        label(listing.max_entries == 1 ? Label::risk_one : Label::risk_many, lang));
    write_level_table(out, reg, listing.not_listed_by_kind, listing.not_listed,
                      Label::not_listed_per_kind, Label::kind, Label::kind, Label::kind_rule, lang);
    write_level_table(out, reg, listing.not_listed_by_sector, listing.not_listed,
                      Label::not_listed_per_sector, Label::sector, Label::no_sector,
                      Label::sector_rule, lang);
    out += fmt::format("<p class=\"note\">{}</p>\n",
                       with_code(label(Label::not_listed_full_table, lang)));
  }
  if (!reg.unmatched_tracking.empty()) {
    out += fmt::format("<h3>{}</h3>\n<p>{}:</p>\n<ul>\n", label(Label::unmatched_tracking, lang),
                       label(Label::unmatched_tracking_intro, lang));
    for (const auto& u : reg.unmatched_tracking)
      out += fmt::format("<li><code>{}</code> ({}){}</li>\n", esc(u.key), esc(u.where),
                         u.now_in.empty() ? std::string()
                         : u.applied      ? fmt::format(" → {}", fmt::format(fmt::runtime(label(Label::applied_to, lang)),
                                                                             "<code>" + esc(u.now_in) + "</code>"))
                                          : fmt::format(" → {} <code>{}</code>",
                                                        label(Label::now_in, lang), esc(u.now_in)));
    out += "</ul>\n";
  }
  out += "</section>\n";
}

/// What changed since the previous register (assess --previous), as the
/// Markdown register has it: the line of counts, then a table per kind of
/// change; entries this register lists link to their sections.
void write_changes(std::string& out, const Register& reg, std::string_view lang) {
  if (!reg.changes) return;
  const auto& changes = *reg.changes;
  out += fmt::format("<section class=\"part\" id=\"wijzigingen\">\n<h2>{}</h2>\n<p>{} {}: {}.</p>\n",
                     label(Label::since_previous, lang), label(Label::compared_with, lang),
                     previous_register_line(changes, lang, &esc), changes_headline(changes, lang));
  if (changes.languages_differ)
    out += fmt::format("<p class=\"note\">{}</p>\n", label(Label::previous_in_other_language, lang));
  auto table_head = [&](Label name, std::size_t n, std::string_view intro, std::initializer_list<Label> columns) {
    out += fmt::format("<h3>{} ({})</h3>\n", capitalized(label(name, lang)), grouped(n, lang));
    if (!intro.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", intro);
    out += "<table class=\"changes\"><thead><tr>";
    for (auto column : columns) out += fmt::format("<th scope=\"col\">{}</th>", capitalized(label(column, lang)));
    out += "</tr></thead>\n<tbody>\n";
  };
  auto linked = [&](const RegisterEntry& entry) {
    return fmt::format("<a href=\"#{}\">{}</a>", esc(entry.id), esc(entry.id));
  };
  if (!changes.added.empty()) {
    table_head(Label::added, changes.added.size(), "", {Label::id, Label::level, Label::title});
    for (const auto& entry : changes.added)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", linked(entry),
                         esc(level_shown(entry, reg, lang)), esc(current_title(reg, entry, lang)));
    out += "</tbody></table>\n";
  }
  if (!changes.changed.empty()) {
    table_head(Label::changed, changes.changed.size(), "", {Label::id, Label::level, Label::title, Label::what_changed});
    for (const auto& changed : changes.changed)
      out += fmt::format("<tr><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td></tr>\n", linked(changed.new_entry),
                         esc(level_shown(changed.new_entry, reg, lang)),
                         level_arrow(changed.level_direction),
                         esc(current_title(reg, changed.new_entry, lang)), change_details(changed, reg, lang, &esc));
    out += "</tbody></table>\n";
  }
  if (!changes.merged.empty()) {
    table_head(Label::merged_into_entry, changes.merged.size(), label(Label::merged_why, lang),
               {Label::id, Label::previous_level, Label::now_in});
    // The knelpunt's own entry says what it is now; the old title is not repeated.
    for (const auto& entry : changes.merged)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(entry.previous.id),
                         esc(level_shown(entry.previous, reg, lang)),
                         entry.listed ? fmt::format("<a href=\"#{0}\">{0}</a>", esc(entry.now_in)) : esc(entry.now_in));
    out += "</tbody></table>\n";
  }
  if (!changes.resolved.empty()) {
    table_head(Label::resolved, changes.resolved.size(), label(Label::resolved_why, lang),
               {Label::id, Label::previous_level, Label::title});
    for (const auto& entry : changes.resolved)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(entry.id),
                         esc(level_shown(entry, reg, lang)), esc(entry.title));
    out += "</tbody></table>\n";
  }
  if (!changes.not_assessed.empty()) {
    table_head(Label::not_assessed, changes.not_assessed.size(), label(Label::not_assessed_why, lang),
               {Label::id, Label::previous_level, Label::title, Label::not_assessed_reason});
    for (const auto& entry : changes.not_assessed)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(entry.previous.id),
                         esc(level_shown(entry.previous, reg, lang)), esc(entry.previous.title),
                         esc(analyses_not_repeated(entry.missing, entry.changed, lang)));
    out += "</tbody></table>\n";
  }
  if (!changes.not_listed.empty()) {
    table_head(Label::no_longer_listed, changes.not_listed.size(), label(Label::no_longer_listed_why, lang),
               {Label::id, Label::previous_level, Label::level_now, Label::title});
    for (const auto& entry : changes.not_listed)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(entry.previous.id),
                         esc(level_shown(entry.previous, reg, lang)), esc(entry.level_name),
                         esc(entry.previous.title));
    out += "</tbody></table>\n";
  }
  out += "</section>\n";
}

/// Values joined by a tab for a row's data attribute: the filter script
/// splits on it (a tab survives html_escape and never stands in a name).
std::string filter_values(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : "\t") + esc(value);
  return out;
}

void write_select(std::string& out, std::string_view name, Label caption,
                  const std::vector<std::pair<std::string, std::string>>& options,
                  std::string_view lang) {
  out += fmt::format("<label>{}<select name=\"{}\"><option value=\"\">{}</option>",
                     capitalized(label(caption, lang)), name, label(Label::filter_all, lang));
  for (const auto& [value, text] : options)
    out += fmt::format("<option value=\"{}\">{}</option>", esc(value), esc(text));
  out += "</select></label>\n";
}

/// The register table: one row per entry in register order, and the filter
/// bar the script shows (hidden without scripts).
void write_overview(std::string& out, const Register& reg, const RegisterSummary& summary,
                    std::string_view lang) {
  out += fmt::format("<section class=\"part\" id=\"overzicht\">\n<h2>{}</h2>\n",
                     label(Label::overview, lang));
  out += "<div class=\"filters\" id=\"filters\" hidden>\n";
  std::vector<std::pair<std::string, std::string>> levels, sectors, operators, statuses;
  for (std::size_t l = reg.diagram.levels.size(); l-- > 0;)
    levels.emplace_back(level_id(reg.diagram, static_cast<int>(l)),
                        level_name(reg.diagram, static_cast<int>(l), lang));
  for (const auto* row : rows_by_name(summary.by_sector, lang))
    if (!row->name.nl.empty())
      sectors.emplace_back(in_language(row->name, lang), in_language(row->name, lang));
  for (const auto* row : rows_by_name(summary.by_operator, lang))
    if (!row->name.nl.empty()) operators.emplace_back(row->name.nl, row->name.nl);
  for (const auto& [status, n] : summary.by_status)
    if (n > 0) statuses.emplace_back(status, status_label(status, lang));
  write_select(out, "level", Label::level, levels, lang);
  write_select(out, "sector", Label::sector, sectors, lang);
  write_select(out, "operator", Label::operator_name, operators, lang);
  write_select(out, "status", Label::status, statuses, lang);
  out += fmt::format("<label>{}<input type=\"search\" name=\"q\"></label>\n",
                     capitalized(label(Label::filter_search, lang)));
  out += fmt::format(
      "<output id=\"filter-count\" data-text=\"{}\"></output>\n<span "
      "class=\"note\">{}</span>\n</div>\n",
      esc(label(Label::filter_shown, lang)), label(Label::sort_hint, lang));
  struct Column {
    Label name;
    bool numeric;
  };
  const Column columns[] = {
      {Label::rank, true},       {Label::id, false},     {Label::level, true},
      {Label::title, false},     {Label::sector, false}, {Label::operator_name, false},
      {Label::likelihood, true}, {Label::impact, true},  {Label::status, false}};
  out += "<table id=\"register-table\"><thead><tr>";
  // data-label: printed in place of the sort button, whose text Chromium
  // leaves out of the header it repeats on every printed page.
  for (const auto& column : columns) {
    const std::string name = esc(capitalized(label(column.name, lang)));
    out += fmt::format(
        "<th scope=\"col\"{} data-label=\"{}\"><button type=\"button\">{}</button></th>",
        column.numeric ? " data-numeric" : "", name, name);
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < reg.risks.size(); ++i) {
    const auto& risk = reg.risks[i];
    std::vector<std::string> sector_names;
    for (const auto& sector : risk_sectors(reg, risk))
      sector_names.push_back(in_language(sector, lang));
    out += fmt::format(
        "<tr data-level=\"{}\" data-sector=\"{}\" data-operator=\"{}\" data-status=\"{}\">",
        esc(level_id(reg.diagram, risk.level)), filter_values(sector_names),
        filter_values(risk.operators), esc(risk.tracking.status));
    out += fmt::format("<td class=\"num\">{}</td><td><a href=\"#{}\">{}</a></td>", i + 1,
                       entry_anchor(risk), esc(risk.id));
    out +=
        fmt::format("<td data-sort=\"{}\">{}</td>", risk.level, level_badge(reg, risk.level, lang));
    out += fmt::format("<td>{}</td>", esc(in_language(risk.finding.title, lang)));
    out += fmt::format("<td>{}</td><td>{}</td>", joined(sector_names),
                       risk.operators.empty() ? std::string() : joined(risk.operators));
    out += fmt::format("<td data-sort=\"{}\">{}</td>", risk.likelihood,
                       catalogs::class_letter(risk.likelihood));
    out += fmt::format("<td data-sort=\"{}\">{}</td>", risk.impact_class ? *risk.impact_class : -1,
                       impact_letter(risk));
    out += fmt::format("<td>{}</td></tr>\n", esc(status_label(risk.tracking.status, lang)));
  }
  out += fmt::format("</tbody></table>\n<p id=\"filter-none\" hidden>{}</p>\n</section>\n",
                     label(Label::no_filter_match, lang));
}

void dl_item(std::string& out, Label key, std::string_view lang, const std::string& value_html) {
  out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", capitalized(label(key, lang)), value_html);
}

/// The impact: total class and score, each criterion's class and value; the
/// criteria left to an analyst that not every entry has open.
void write_impact(std::string& out, const Register& reg, const Risk& risk,
                  const std::vector<std::string>& open_everywhere, std::string_view lang) {
  std::vector<std::string> criteria;
  for (const auto& c : risk.finding.impact)
    criteria.push_back(fmt::format("{} {} {}", esc(c.criterion),
                                   catalogs::class_letter(c.impact_class),
                                   criterion_value(reg, c, lang, &esc)));
  std::string line;
  if (risk.impact_class)
    line = fmt::format("{}, {} {}",
                       class_with_name(catalogs::class_letter(*risk.impact_class),
                                       impact_class_name(reg, *risk.impact_class, lang)),
                       label(Label::impact_score, lang), format_number(risk.impact_score, lang));
  else
    line = no_impact_text(risk, lang, &esc);
  if (!criteria.empty()) line += fmt::format(": {}", fmt::join(criteria, ", "));
  dl_item(out, Label::impact, lang, line);
  std::vector<std::string> open;
  for (const auto& id : risk.impact_open)
    if (!std::binary_search(open_everywhere.begin(), open_everywhere.end(), id)) open.push_back(id);
  if (!open.empty())
    dl_item(out, Label::not_determined, lang,
            fmt::format("{} — {}", criteria_text(reg, open, lang, &esc),
                        label(Label::not_determined_hint, lang)));
}

void write_entry(std::string& out, const Register& reg, const Risk& risk, std::size_t rank,
                 const std::vector<std::string>& open_everywhere, std::string_view lang) {
  const auto& finding = risk.finding;
  out += fmt::format("<article class=\"entry\" id=\"{}\">\n<h3>{}. {}: {}</h3>\n<dl>\n",
                     entry_anchor(risk), rank, esc(risk.id), esc(in_language(finding.title, lang)));
  dl_item(out, Label::level, lang,
          fmt::format("{} ({} {}, {} {})", level_badge(reg, risk.level, lang),
                      label(Label::likelihood, lang), catalogs::class_letter(risk.likelihood),
                      label(Label::impact, lang), impact_letter(risk)));
  std::string likelihood = class_with_name(catalogs::class_letter(risk.likelihood),
                                           likelihood_name(reg, risk.likelihood, lang));
  if (const auto& rationale = in_language(finding.likelihood.rationale, lang); !rationale.empty())
    likelihood += ": " + esc(rationale);
  dl_item(out, Label::likelihood, lang, likelihood);
  write_impact(out, reg, risk, open_everywhere, lang);
  dl_item(out, Label::operator_name, lang,
          risk.operators.empty() ? std::string(label(Label::no_operator, lang))
                                 : joined(risk.operators));
  dl_item(out, Label::vital_processes, lang,
          risk.vital_processes.empty() ? std::string(label(Label::none, lang))
                                       : vital_processes_text(reg, risk, lang, esc));
  const auto key = key_evidence_lines(risk);
  if (std::find(key.begin(), key.end(), true) != key.end()) {
    std::string lines;
    for (std::size_t i = 0; i < key.size(); ++i)
      if (key[i]) lines += "<li>" + esc(in_language(finding.evidence[i], lang)) + "</li>";
    dl_item(out, Label::evidence, lang, "<ul>" + lines + "</ul>");
  }
  std::vector<std::string> measures;
  for (const auto& measure : risk.measures) {
    const auto& name = in_language(measure.name, lang);
    measures.push_back("<code>" + esc(measure.id) + "</code>" +
                       (name.empty() ? std::string() : " (" + esc(name) + ")"));
  }
  dl_item(out, Label::measures, lang,
          measures.empty() ? std::string(label(Label::none, lang))
                           : fmt::format("{}", fmt::join(measures, "; ")));
  std::string tracking = esc(status_label(risk.tracking.status, lang));
  const std::pair<Label, const std::string*> fields[] = {
      {Label::owner, &risk.tracking.owner},
      {Label::justification, &risk.tracking.justification},
      {Label::date, &risk.tracking.date},
      {Label::checked_by, &risk.tracking.checked_by},
      {Label::matched, &risk.tracking.matched}};
  for (const auto& [field, value] : fields)
    if (!value->empty()) tracking += fmt::format(" · {}: {}", label(field, lang), esc(*value));
  dl_item(out, Label::tracking, lang, tracking);
  out += fmt::format(
      "</dl>\n<p class=\"back\"><a href=\"#{}\">{}</a> · <a "
      "href=\"#overzicht\">{}</a></p>\n</article>\n",
      appendix_anchor(risk), label(Label::appendix, lang), label(Label::back_to_overview, lang));
}

/// One quantity of a timeline over time as a step chart (inline SVG): the
/// state after each moment holds until the next one. The figures are the
/// timeline's own; the table below the charts gives them as numbers.
struct StepChart {
  std::string_view css_class;  ///< "timeline" (people) or "services"
  Label title, axis;
  std::string_view colour;     ///< from the Okabe–Ito palette where it is not the levels' red
  double (*value)(const assessors::TimelinePoint&);
};

void write_step_chart(std::string& out, const std::vector<assessors::TimelinePoint>& timeline,
                      const StepChart& chart, std::string_view lang) {
  constexpr double kLeft = 86, kRight = 12, kTop = 10, kBottom = 34, kWidth = 560, kHeight = 170;
  double t_max = 0, value_max = 0;
  for (const auto& point : timeline) {
    if (std::isfinite(point.t_h)) t_max = std::max(t_max, point.t_h);
    value_max = std::max(value_max, chart.value(point));
  }
  // Nothing rises, or everything happens at t+0: the table says it all.
  if (value_max <= 0 || t_max <= 0) return;
  // Room after the last moment, so that its level shows.
  const double t_end = t_max * 1.1;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](double t) { return kLeft + plot_w * std::min(t, t_end) / t_end; };
  auto y = [&](double value) { return kTop + plot_h * (1 - value / value_max); };
  std::string path = fmt::format("M{:.1f} {:.1f}", x(0), y(0));
  for (const auto& point : timeline) {
    if (!std::isfinite(point.t_h)) continue;
    path += fmt::format(" H{:.1f} V{:.1f}", x(point.t_h), y(chart.value(point)));
  }
  path += fmt::format(" H{:.1f}", x(t_end));
  const std::string title = std::string(label(chart.title, lang));
  out += fmt::format(
      "<svg class=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"{}\"><title>{}</title>\n",
      chart.css_class, kWidth, kHeight, kWidth, kHeight, esc(title), esc(title));
  // Axes: the value from 0 to its highest, time from 0 past the last moment.
  out += fmt::format(
      "<path d=\"M{0:.1f} {1:.1f} V{2:.1f} H{3:.1f}\" fill=\"none\" stroke=\"#555\"/>"
      "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"end\" font-size=\"11\">{6}</text>"
      "<text x=\"{4:.1f}\" y=\"{7:.1f}\" text-anchor=\"end\" font-size=\"11\">0</text>\n",
      kLeft, kTop, kTop + plot_h, kLeft + plot_w, kLeft - 6, kTop + 10,
      grouped(static_cast<std::size_t>(value_max), lang), kTop + plot_h);
  out += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\">t+0</text>"
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\">t+{}</text>"
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n",
      kLeft, kHeight - kBottom + 16, x(t_max), kHeight - kBottom + 16,
      register_duration(t_max, lang), kLeft + plot_w / 2, kHeight - 4,
      esc(capitalized(label(Label::time, lang))));
  out += fmt::format(
      "<text x=\"12\" y=\"{0:.1f}\" text-anchor=\"middle\" font-size=\"11\" transform=\"rotate(-90 "
      "12 {0:.1f})\">{1}</text>\n",
      kTop + plot_h / 2, esc(capitalized(label(chart.axis, lang))));
  out += fmt::format(
      "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n</svg>\n", path, chart.colour);
}

constexpr StepChart kPeopleChart{"timeline", Label::timeline, Label::people_short, "#b30000",
                                 [](const assessors::TimelinePoint& p) { return p.people; }};
constexpr StepChart kServicesChart{"services", Label::services_timeline, Label::services_short, "#0072B2",
                                   [](const assessors::TimelinePoint& p) {
                                     return static_cast<double>(p.services_lost.size());
                                   }};

/// An entry's appendix: description, analyses, chain, affected assets,
/// further evidence, vulnerabilities, the timeline as a table, the basis.
void write_appendix_entry(std::string& out, const Register& reg, const Risk& risk,
                          std::string_view lang) {
  const auto& finding = risk.finding;
  out += fmt::format("<section id=\"{}\">\n<h3><a href=\"#{}\">{}</a></h3>\n<dl class=\"facts\">\n",
                     appendix_anchor(risk), entry_anchor(risk), esc(risk.id));
  if (const auto& description = in_language(finding.description, lang); !description.empty())
    dl_item(out, Label::description, lang, esc(description));
  if (risk.analyses.size() > 1 || finding.kind == "knelpunt") {  // found by several analyses
    std::vector<std::string> names;
    for (const auto& analysis : risk.analyses) names.emplace_back(assessor_name(analysis, lang));
    dl_item(out, Label::analyses, lang, joined(names));
  } else {
    dl_item(out, Label::assessor, lang, esc(assessor_name(finding.assessor, lang)));
  }
  dl_item(out, Label::kind, lang, esc(kind_name(finding.kind, finding.assets.size(), lang)));
  if (!risk.replaces.empty()) dl_item(out, Label::replaces, lang, joined(risk.replaces));
  if (!finding.assets.empty()) dl_item(out, Label::assets, lang, joined(finding.assets));
  const std::string threat = threat_text(reg, finding.threat, lang);
  const std::pair<Label, const std::string*> keys[] = {{Label::scenario, &finding.scenario},
                                                       {Label::threat, &threat},
                                                       {Label::subject, &finding.subject}};
  for (const auto& [key, value] : keys)
    if (!value->empty()) dl_item(out, key, lang, esc(*value));
  if (!finding.chain.empty()) {
    std::string lines;
    for (const auto& line : chain_lines(finding, lang, &esc)) lines += "<li>" + line + "</li>";
    dl_item(out, Label::chain, lang, "<ul>" + lines + "</ul>");
  }
  if (!finding.affected.empty() && (finding.chain.empty() || chain_shortened(finding)))
    dl_item(
        out, Label::affected, lang,
        fmt::format("({}) {}", grouped(finding.affected.size(), lang), joined(finding.affected)));
  const auto key = key_evidence_lines(risk);
  if (std::find(key.begin(), key.end(), false) != key.end()) {
    std::string lines;
    for (std::size_t i = 0; i < key.size(); ++i)
      if (!key[i]) lines += "<li>" + esc(in_language(finding.evidence[i], lang)) + "</li>";
    dl_item(out, Label::further_evidence, lang, "<ul>" + lines + "</ul>");
  }
  if (!finding.cves.empty()) {
    std::string lines;
    for (const auto& cve : finding.cves)
      lines += "<li><code>" + esc(cve.cve) + "</code>" + cve_details(cve, lang, &esc) + "</li>";
    dl_item(out, Label::cves, lang, "<ul>" + lines + "</ul>");
  }
  if (!finding.impact.empty()) {
    std::vector<std::string> bases;
    for (const auto& c : finding.impact) {
      const std::string name = criterion_name(reg, c.criterion, lang);
      bases.push_back(fmt::format("<li>{}{}: {}</li>", esc(c.criterion),
                                  name.empty() ? std::string() : " " + esc(name),
                                  esc(in_language(c.basis, lang))));
    }
    dl_item(out, Label::impact_basis, lang, fmt::format("<ul>{}</ul>", fmt::join(bases, "")));
  }
  out += "</dl>\n";
  if (!finding.timeline.empty()) {
    write_step_chart(out, finding.timeline, kPeopleChart, lang);
    write_step_chart(out, finding.timeline, kServicesChart, lang);
    out += fmt::format(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" "
        "class=\"num\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
        label(Label::timeline, lang), capitalized(label(Label::time, lang)),
        capitalized(label(Label::people, lang)), capitalized(label(Label::assets_failed, lang)),
        capitalized(label(Label::services_lost, lang)));
    for (const auto& point : finding.timeline)
      out += fmt::format(
          "<tr><td>t+{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
          register_duration(point.t_h, lang), format_number(point.people, lang),
          format_number(static_cast<double>(point.assets_failed), lang), services_text(reg, point, lang, &esc));
    out += "</tbody></table>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string_view register_html_script_hash() { return kScriptHash; }

std::string register_to_html(const Register& reg, std::string_view lang) {
  const RegisterSummary summary = summarize(reg);
  std::string out;
  write_head(out, reg, lang);
  write_board(out, reg, summary, lang);
  write_contents(out, reg, lang);
  write_changes(out, reg, lang);
  write_dependency_graph(out, reg, lang);
  write_tables(out, reg, summary, lang);
  write_overview(out, reg, summary, lang);
  if (!reg.risks.empty()) {
    out += fmt::format(
        "<section class=\"part\" id=\"risicos\">\n<h2>{}</h2>\n<p class=\"note\">{}.</p>\n",
        label(Label::risks, lang), label(Label::level_rule, lang));
    if (const auto scored = scored_criteria(reg); !scored.empty())
      out += fmt::format(
          "<p><strong>{}:</strong> {} — {}.</p>\n", label(Label::criteria_scored, lang),
          criteria_text(reg, scored, lang, &esc), label(Label::criteria_scored_hint, lang));
    const auto open_everywhere = open_in_every_entry(reg);
    if (!open_everywhere.empty())
      out += fmt::format(
          "<p><strong>{}</strong> {}: {} — {}.</p>\n",
          capitalized(label(Label::not_determined, lang)), label(Label::in_every_entry, lang),
          criteria_text(reg, open_everywhere, lang, &esc), label(Label::not_determined_hint, lang));
    for (std::size_t i = 0; i < reg.risks.size(); ++i)
      write_entry(out, reg, reg.risks[i], i + 1, open_everywhere, lang);
    out += "</section>\n";
    out += fmt::format(
        "<section class=\"part appendix\" id=\"bijlage\">\n<h2>{}</h2>\n<p "
        "class=\"note\">{}.</p>\n",
        label(Label::appendix_title, lang),
        fmt::format(fmt::runtime(label(Label::appendix_intro, lang)), kChainInstants));
    for (const auto& risk : reg.risks) write_appendix_entry(out, reg, risk, lang);
    out += "</section>\n";
  }
  out += "<script>";
  out += kScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace knelpunt::risk_register
