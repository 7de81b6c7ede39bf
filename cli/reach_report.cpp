#include "cli/reach_report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "cli/cli_texts.hpp"
#include "model/text_format.hpp"
#include "model/utf8.hpp"

namespace knelpunt::cli {

void sort_reach_rows(std::vector<ReachRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const ReachRow& a, const ReachRow& b) {
    if (a.reach != b.reach) return a.reach > b.reach;
    if (a.people != b.people) return a.people > b.people;
    return a.asset < b.asset;
  });
}

namespace {

std::string region_or_model(const std::string& region, std::string_view lang) {
  return region.empty() ? std::string(cli_text(CliText::the_model, lang)) : region;
}

/// `text` right-aligned in `width` code points (its cells hold "≤").
std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t have = model::code_points(text);
  return std::string(have < width ? width - have : 0, ' ') + std::string(text);
}

}  // namespace

std::string render_reach_text(const ReachReport& report, std::size_t top, std::string_view lang) {
  const auto& rows = report.rows;
  const std::size_t shown = std::min<std::size_t>(rows.size(), top > 0 ? top : 20);
  std::string out = cli_format(CliText::reach_heading, lang, region_or_model(report.region, lang),
                               within(report.horizon, lang),
                               counted(rows.size(), CliText::assets_one, CliText::assets_many, lang),
                               model::format_grouped_integer(static_cast<double>(shown), lang)) +
                    "\n\n";
  const auto asset_label = cli_text(CliText::column_asset, lang);
  const auto name_label = cli_text(CliText::column_name, lang);
  std::size_t id_width = asset_label.size();
  std::size_t name_width = name_label.size();
  for (std::size_t i = 0; i < shown; ++i) {
    id_width = std::max(id_width, rows[i].asset.size());
    name_width = std::max(name_width, std::min<std::size_t>(40, rows[i].name.size()));
  }
  // The asset's own population: a column of zeros on a model that counts
  // people through areas (docs/model.md), which a reader takes for "nobody
  // lives there"; shown only when a row has some.
  bool population_shown = false;
  for (std::size_t i = 0; i < shown; ++i)
    population_shown = population_shown || rows[i].population > 0;
  const auto population_cell = [&](std::string_view text) {
    return population_shown ? fmt::format("  {:>10}", text) : std::string();
  };
  // An upper bound is marked in its cell ("≤ 80.000") and explained once below.
  bool upper_bound_shown = false;
  for (std::size_t i = 0; i < shown; ++i)
    upper_bound_shown = upper_bound_shown || rows[i].people_upper_bound;
  const auto people_label = cli_text(CliText::column_people, lang);
  const std::size_t people_width = std::max<std::size_t>(12, model::code_points(people_label));
  // The horizon of each row, when some row counts within its process's own
  // (decision 048): "binnen 7 dagen" beside a reach of 79.
  bool horizon_shown = false;
  for (std::size_t i = 0; i < shown; ++i) horizon_shown = horizon_shown || rows[i].horizon.has_value();
  std::size_t horizon_width = 0;
  const auto horizon_text = [&](const ReachRow& row) {
    return model::format_duration(row.horizon.value_or(report.horizon), lang);
  };
  if (horizon_shown) {
    horizon_width = model::code_points(cli_text(CliText::column_within, lang));
    for (std::size_t i = 0; i < shown; ++i)
      horizon_width = std::max(horizon_width, model::code_points(horizon_text(rows[i])));
  }
  const auto horizon_cell = [&](std::string_view text) {
    return horizon_shown ? fmt::format("  {:<{}}", text, horizon_width) : std::string();
  };
  out += fmt::format("{:>4}  {:<{}}  {:<{}}  {:>7}{}  {}{}\n", "#", asset_label, id_width, name_label,
                     name_width, cli_text(CliText::column_reach, lang),
                     horizon_cell(cli_text(CliText::column_within, lang)), pad_left(people_label, people_width),
                     population_cell(cli_text(CliText::column_population, lang)));
  for (std::size_t i = 0; i < shown; ++i) {
    std::string name = rows[i].name;
    if (name.size() > 40) name = name.substr(0, 39) + "~";
    const std::string people = (rows[i].people_upper_bound ? "≤ " : "") +
                               model::format_grouped_integer(rows[i].people, lang);
    out += fmt::format("{:>4}  {:<{}}  {:<{}}  {:>7}{}  {}{}\n", i + 1, rows[i].asset, id_width, name,
                       name_width, rows[i].reach, horizon_cell(horizon_text(rows[i])),
                       pad_left(people, people_width),
                       population_cell(model::format_grouped_integer(rows[i].population, lang)));
  }
  out += "\n";
  out += cli_text(CliText::reach_legend, lang);
  if (upper_bound_shown) out += cli_text(CliText::reach_legend_upper_bound, lang);
  // Without a horizon there are no repairs to count (docs/reach.md).
  if (report.has_recovery && !std::isinf(report.horizon))
    out += cli_text(CliText::reach_legend_recovery, lang);
  for (const auto& own : report.own_horizons) {
    const auto name = report.process_names.find(own.process);
    out += fmt::format(fmt::runtime(cli_text(CliText::reach_legend_own_horizon, lang)),
                       name == report.process_names.end() ? own.process : name->second.in(lang),
                       model::format_duration(own.hours, lang), report.profile);
  }
  if (population_shown) out += cli_text(CliText::reach_legend_population, lang);
  return out;
}

namespace {
nlohmann::ordered_json row_json(const ReachRow& row) {
  nlohmann::ordered_json entry;
  entry["asset"] = row.asset;
  entry["reach"] = row.reach;
  entry["people"] = row.people;
  entry["people_upper_bound"] = row.people_upper_bound;
  entry["population"] = row.population;
  if (row.horizon) entry["horizon_h"] = model::json_hours(*row.horizon);
  return entry;
}
}  // namespace

void write_reach_json(model::Hours horizon, std::size_t count,
                      const std::function<ReachRow(std::size_t)>& row_at,
                      const std::function<bool(std::string_view)>& write) {
  nlohmann::ordered_json head;
  head["format"] = "knelpunt-reach/2";
  head["horizon_h"] = model::json_hours(horizon);
  head["assets"] = nlohmann::ordered_json::array();
  std::string out = head.dump(2);
  if (count == 0) {
    write(out + "\n");
    return;
  }
  // Row by row, with the indentation one whole dump(2) gives (a test holds
  // the bytes equal), handed on in pieces of about a megabyte: at national
  // scale a JSON tree of a million rows costs several times the text's
  // memory, and the text itself over 100 MB (docs/performance.md).
  constexpr std::size_t kPiece = 1 << 20;
  out.resize(out.size() - std::string_view("[]\n}").size());
  out += "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    const std::string row = row_json(row_at(i)).dump(2);
    out += "    ";
    for (char c : row) {
      out += c;
      if (c == '\n') out += "    ";
    }
    out += i + 1 < count ? ",\n" : "\n";
    if (out.size() >= kPiece) {
      if (!write(out)) return;
      out.clear();
    }
  }
  out += "  ]\n}\n";
  write(out);
}

void write_reach_json(const ReachReport& report, std::size_t top,
                      const std::function<bool(std::string_view)>& write) {
  const std::size_t shown =
      top > 0 ? std::min<std::size_t>(report.rows.size(), top) : report.rows.size();
  write_reach_json(
      report.horizon, shown, [&](std::size_t i) { return report.rows[i]; }, write);
}

std::string render_reach_json(const ReachReport& report, std::size_t top) {
  std::string text;
  write_reach_json(report, top, [&](std::string_view piece) {
    text += piece;
    return true;
  });
  return text;
}

std::optional<Shard> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  Shard shard;
  auto parse = [](std::string_view part, std::uint32_t& value) {
    auto result = std::from_chars(part.data(), part.data() + part.size(), value);
    return result.ec == std::errc() && result.ptr == part.data() + part.size() && !part.empty();
  };
  const std::string_view view(text);
  if (!parse(view.substr(0, slash), shard.index) || !parse(view.substr(slash + 1), shard.count)) return std::nullopt;
  if (shard.count == 0 || shard.index >= shard.count) return std::nullopt;
  return shard;
}

std::string render_reach_shard(const ReachReport& report, const Shard& shard, const std::string& digest) {
  nlohmann::ordered_json out;
  out["format"] = "knelpunt-reach-shard/2";
  out["shard"] = {shard.index, shard.count};
  out["model_digest"] = digest;
  out["region"] = report.region;
  out["horizon_h"] = model::json_hours(report.horizon);
  out["has_recovery"] = report.has_recovery;
  // What the text's legend says of the rows counted within a process's own horizon.
  out["profile"] = report.profile;
  auto own_horizons = nlohmann::ordered_json::array();
  for (const auto& own : report.own_horizons) {
    nlohmann::ordered_json item{{"process", own.process}};
    if (const auto name = report.process_names.find(own.process); name != report.process_names.end())
      item["name"] = {{"nl", name->second.nl}, {"en", name->second.en}};
    item["horizon_h"] = model::json_hours(own.hours);
    own_horizons.push_back(std::move(item));
  }
  out["own_horizons"] = std::move(own_horizons);
  auto assets = nlohmann::ordered_json::array();
  for (const auto& row : report.rows) {
    auto entry = row_json(row);
    entry["name"] = row.name;
    assets.push_back(std::move(entry));
  }
  out["assets"] = std::move(assets);
  return out.dump(2) + "\n";
}

std::string render_asset_reach_text(const AssetReachReport& report, std::string_view lang) {
  const auto& row = report.row;
  std::string out =
      cli_format(
          row.reach == 1 ? CliText::reach_asset_heading_one : CliText::reach_asset_heading_many,
          lang, row.asset, row.name, region_or_model(report.region, lang),
          within(report.horizon, lang),
          counted(row.reach, CliText::assets_one, CliText::assets_many, lang),
          model::format_grouped_integer(row.people, lang),
          row.people_upper_bound ? cli_text(CliText::upper_bound, lang) : std::string_view()) +
      "\n";
  for (const auto& id : report.failed) out += fmt::format("  {}\n", id);
  return out;
}

std::string render_asset_reach_json(const AssetReachReport& report) {
  ReachReport table;
  table.horizon = report.horizon;
  table.rows.push_back(report.row);
  auto out = nlohmann::ordered_json::parse(render_reach_json(table, 0));
  out["assets"][0]["failed"] = report.failed;
  return out.dump(2) + "\n";
}

}  // namespace knelpunt::cli
