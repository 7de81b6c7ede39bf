#include "register/graph_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "engine/reach.hpp"
#include "model/text_format.hpp"
#include "model/utf8.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

bool is_vital(const model::Asset& asset) { return !asset.process.empty(); }

NodeCategory category_of(const model::Asset& asset, const catalogs::ReferenceData& reference) {
  const auto* process = reference.process(asset.process);
  if (!process) return NodeCategory::none;
  if (process->category == "A") return NodeCategory::a;
  if (process->category == "B") return NodeCategory::b;
  return NodeCategory::regional;
}

/// The sector an asset is drawn in: its vital process's, else its type's.
std::string sector_of(const model::Asset& asset, const catalogs::ReferenceData& reference,
                      std::string_view lang) {
  if (const auto* process = reference.process(asset.process))
    return std::string(lang == "en" && !process->sector_en.empty() ? process->sector_en
                                                                   : process->sector);
  const auto type = reference.asset_types.find(asset.type);
  if (type != reference.asset_types.end() && !type->second.sector.empty()) {
    // A type names its sector as the process catalogue does; use that sector's English name when
    // asked.
    if (lang == "en")
      for (const auto& [id, process] : reference.processes)
        if (process.sector == type->second.sector && !process.sector_en.empty())
          return process.sector_en;
    return type->second.sector;
  }
  return "";
}

/// The first `n` code points of `text`.
std::string_view first_code_points(std::string_view text, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] & 0xC0) == 0x80) continue;
    if (seen == n) return text.substr(0, i);
    ++seen;
  }
  return text;
}

/// Second halves of Dutch compounds in the names of vital assets: a word
/// longer than a line is cut where one of them begins ("Hoogspannings-" /
/// "station"), not at an arbitrary letter (decision 034).
constexpr std::string_view kCompoundParts[] = {
    "apotheek", "automatisering", "bekken", "besturing", "brug", "centrale", "centrum",
    "dienstverlening", "dossier", "gemaal", "installatie", "kering", "koppeling", "leiding",
    "levering", "mast", "meldkamer", "polikliniek", "pomp", "post", "productie", "reken", "registratie",
    "sluis", "station", "systeem", "technisch", "terrein", "tracé", "tunnel", "verbinding",
    "voering", "voorziening", "water"};

/// Where to cut `word` (longer than `room` code points) so that its first
/// part, with a hyphen when one is added, takes at most `room` code points:
/// after a hyphen already in it; else before the last compound part (see
/// above, when `at_compound_parts`) that leaves at least 4 code points
/// before it; else at `room` − 1
/// with a hyphen. Returns the first part's length in bytes and whether a
/// hyphen must be added.
std::pair<std::size_t, bool> long_word_cut(std::string_view word, std::size_t room, bool at_compound_parts) {
  std::vector<std::size_t> starts;  // byte offset of each code point
  for (std::size_t i = 0; i < word.size(); ++i)
    if ((word[i] & 0xC0) != 0x80) starts.push_back(i);
  const std::size_t last = std::min(room, starts.size() - 1);
  for (std::size_t k = last; k >= 2; --k)
    if (word[starts[k] - 1] == '-') return {starts[k], false};
  for (std::size_t k = std::min(room - 1, starts.size() - 1); at_compound_parts && k >= 4; --k) {
    const std::string_view rest = word.substr(starts[k]);
    for (const auto part : kCompoundParts) {
      if (rest.size() < part.size()) continue;
      bool same = true;
      for (std::size_t c = 0; c < part.size() && same; ++c)
        same = std::tolower(static_cast<unsigned char>(rest[c])) == static_cast<unsigned char>(part[c]);
      if (same) return {starts[k], true};
    }
  }
  return {starts[room - 1], true};
}

}  // namespace

std::string_view category_fill(NodeCategory category) {
  switch (category) {
    case NodeCategory::a:
      return "#E69F00";  // orange
    case NodeCategory::b:
      return "#56B4E9";  // sky blue
    case NodeCategory::regional:
      return "#009E73";  // bluish green
    case NodeCategory::none:
      break;
  }
  return "#FFFFFF";
}

std::string_view mark_colour(NodeMark mark) {
  switch (mark) {
    case NodeMark::single_point:
      return "#D55E00";  // vermillion
    case NodeMark::pair:
      return "#CC79A7";  // reddish purple
    case NodeMark::cascade_path:
      return "#0072B2";  // blue
    case NodeMark::none:
      break;
  }
  return "#555555";
}

namespace {

std::vector<std::string> wrap_label_cutting(std::string_view name, std::size_t width, std::size_t max_lines,
                                            std::size_t longest_word, bool at_compound_parts) {
  const std::size_t cut_width = std::max(width, longest_word);
  std::vector<std::string> lines;
  std::string current;
  std::size_t start = 0;
  bool cut = false;
  while (start <= name.size()) {
    auto end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::size_t needed =
        model::code_points(current) + (current.empty() ? 0 : 1) + model::code_points(word);
    if (!current.empty() && needed > width) {
      lines.push_back(std::move(current));
      current.clear();
      if (lines.size() == max_lines) {
        cut = true;
        break;
      }
    }
    // A word longer than a line is cut at the width, or given a line of its own up to longest_word.
    while (model::code_points(word) > cut_width) {
      if (!current.empty()) {
        lines.push_back(std::move(current));
        current.clear();
      }
      const auto [head_bytes, hyphen] = long_word_cut(word, cut_width, at_compound_parts);
      lines.emplace_back(std::string(word.substr(0, head_bytes)) + (hyphen ? "-" : ""));
      word.remove_prefix(head_bytes);
      if (lines.size() == max_lines) {
        cut = true;
        break;
      }
    }
    if (cut) break;
    if (!current.empty()) current += ' ';
    current += word;
  }
  if (!cut && !current.empty()) lines.push_back(std::move(current));
  if (cut && !lines.empty()) {
    auto& last = lines.back();
    if (model::code_points(last) >= width) last = std::string(first_code_points(last, width - 1));
    last += "…";
  }
  return lines;
}

}  // namespace

std::vector<std::string> wrap_label(std::string_view name, std::size_t width, std::size_t max_lines,
                                    std::size_t longest_word) {
  // Cutting at a compound's parts reads better but can leave a longer rest
  // that takes a line more; a taller node makes the whole picture taller
  // (decision 034), so it is used only when it costs no line.
  auto at_parts = wrap_label_cutting(name, width, max_lines, longest_word, true);
  auto anywhere = wrap_label_cutting(name, width, max_lines, longest_word, false);
  return at_parts.size() <= anywhere.size() ? at_parts : anywhere;
}

std::vector<bool> structural_knelpunten(const model::Model& model,
                                        const model::DependencyGraph& graph) {
  std::vector<bool> result(graph.asset_count(), false);
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    if (graph.is_virtual(a) || graph.groups_supplied_by(a).empty()) continue;
    for (auto failed : engine::reach_set(graph, a, model::kNever))
      if (is_vital(model.assets[failed])) {
        result[a] = true;
        break;
      }
  }
  return result;
}

GraphView build_graph_view(const model::Model& model, const model::DependencyGraph& graph,
                           const catalogs::ReferenceData& reference,
                           const GraphViewRequest& request) {
  const std::size_t n = graph.asset_count();
  auto flag = [](const std::vector<bool>& v, model::AssetIndex a) { return !v.empty() && v[a]; };
  GraphView view;
  view.lang = request.lang;
  view.has_context = !request.context.empty();
  view.title = model.region.name.empty() ? std::string("knelpunt") : model.region.name;

  // Which kept assets get a node (docs/graph.md, "Collapse").
  std::vector<bool> shown(n, false);
  for (model::AssetIndex a = 0; a < n; ++a) {
    if (!request.keep[a]) continue;
    const bool vital = is_vital(model.assets[a]);
    if (request.vital_only)
      shown[a] = vital;
    else if (request.collapse)
      shown[a] = vital || flag(request.knelpunten, a);
    else
      shown[a] = true;
  }

  // A collapsed asset stands for the shown assets upstream of it, reached
  // through collapsed assets only (its "representatives").
  std::vector<std::vector<model::AssetIndex>> representatives(n);
  std::vector<int> seen(n, -1);
  for (model::AssetIndex c = 0; c < n; ++c) {
    if (!request.keep[c] || shown[c]) continue;
    std::vector<model::AssetIndex> stack{c};
    seen[c] = static_cast<int>(c);
    std::set<model::AssetIndex> found;
    while (!stack.empty()) {
      const auto at = stack.back();
      stack.pop_back();
      for (auto g : graph.groups_of(at))
        for (auto s : graph.suppliers(g)) {
          if (!request.keep[s] || seen[s] == static_cast<int>(c)) continue;
          seen[s] = static_cast<int>(c);
          if (shown[s])
            found.insert(s);
          else
            stack.push_back(s);
        }
    }
    representatives[c].assign(found.begin(), found.end());
  }

  // Clusters, sorted by label.
  std::vector<std::string> sector(n);
  std::set<std::string> labels;
  for (model::AssetIndex a = 0; a < n; ++a)
    if (shown[a]) labels.insert(sector[a] = sector_of(model.assets[a], reference, request.lang));
  std::map<std::string, std::size_t> cluster_of;
  for (const auto& label : labels) {
    cluster_of[label] = view.clusters.size();
    view.clusters.push_back({label});
  }

  // Asset nodes, then one junction per redundancy group that has a drawn supplier.
  std::vector<std::size_t> node_of(n, SIZE_MAX);
  std::vector<std::vector<model::AssetIndex>> folded(n);
  for (model::AssetIndex c = 0; c < n; ++c) {
    if (!request.keep[c] || shown[c]) continue;
    if (representatives[c].empty()) view.hidden.push_back(c);
    for (auto r : representatives[c]) folded[r].push_back(c);
  }
  for (model::AssetIndex a = 0; a < n; ++a) {
    if (!shown[a]) continue;
    const auto& asset = model.assets[a];
    GraphNode node;
    node.asset = a;
    node.name = asset.id;
    // Narrow labels on up to five lines (about as much text as three lines of 22): each column
    // of the left-to-right layout is as wide as its widest label, and narrow columns keep
    // Dordrecht's picture readable on A3 (decision 034). A word of up to 15 characters
    // ("(zuidoostzijde)") stays whole; 16 or 17 made the picture too wide for A3.
    node.lines = wrap_label(asset.name.empty() ? asset.id : asset.name, 14, 5, 15);
    node.title = asset.name.empty() ? asset.id : asset.id + " — " + asset.name;
    if (!folded[a].empty())
      node.lines.push_back(fmt::format(
          fmt::runtime(label(Label::graph_folded, request.lang)),
          model::format_grouped_integer(static_cast<double>(folded[a].size()), request.lang)));
    node.category = category_of(asset, reference);
    node.mark = request.marks.empty() ? NodeMark::none : request.marks[a];
    node.is_virtual = asset.is_virtual;
    node.context = flag(request.context, a);
    node.cluster = cluster_of[sector[a]];
    node.folded = folded[a];
    node_of[a] = view.nodes.size();
    view.nodes.push_back(std::move(node));
  }
  view.asset_nodes = view.nodes.size();

  std::set<std::pair<model::AssetIndex, model::AssetIndex>> path(request.path_edges.begin(),
                                                                 request.path_edges.end());
  std::set<std::pair<std::size_t, std::size_t>> drawn;
  auto add_edge = [&](std::size_t from, std::size_t to, bool via, bool on_path, std::string tooltip,
                      bool geographic) {
    if (from == to || !drawn.insert({from, to}).second) return;
    view.edges.push_back({from, to, via, on_path, geographic, std::move(tooltip)});
  };
  for (model::AssetIndex a = 0; a < n; ++a) {
    if (!shown[a] || flag(request.context, a)) continue;
    for (auto g : graph.groups_of(a)) {
      const auto& group = graph.group(g);
      const auto& dependency = model.assets[a].depends_on[group.position];
      const bool geographic = dependency.type == model::DependencyType::geographic;
      // "elektriciteit, na 8 uur": the resource kind by its name, the time to impact for people.
      std::string tooltip = dependency.kind;
      if (const auto* kind = reference.resource_kind(dependency.kind))
        tooltip = request.lang == "en" && !kind->name_en.empty() ? kind->name_en : kind->name;
      if (group.time_to_impact > 0)
        tooltip += (tooltip.empty() ? "" : ", ") + std::string(label(Label::graph_after, request.lang)) + " " +
                   model::format_duration(group.time_to_impact, request.lang);
      // The drawn suppliers: shown ones as they are, collapsed ones by their representatives.
      std::vector<std::pair<model::AssetIndex, bool>> suppliers;  // (asset, via collapsed)
      for (auto s : graph.suppliers(g)) {
        if (!request.keep[s]) continue;
        if (shown[s])
          suppliers.emplace_back(s, false);
        else
          for (auto r : representatives[s]) suppliers.emplace_back(r, true);
      }
      std::sort(suppliers.begin(), suppliers.end());
      suppliers.erase(std::unique(suppliers.begin(), suppliers.end(),
                                  [](const auto& x, const auto& y) { return x.first == y.first; }),
                      suppliers.end());
      std::erase_if(suppliers, [&](const auto& s) { return s.first == a; });
      if (suppliers.empty()) continue;
      const auto target = node_of[a];
      if (group.supplier_count == 1) {
        add_edge(node_of[suppliers[0].first], target, suppliers[0].second,
                 path.count({suppliers[0].first, a}) > 0, tooltip, geographic);
        continue;
      }
      GraphNode junction;
      junction.junction = true;
      junction.asset = a;
      junction.group_position = group.position;
      junction.need = group.need;
      junction.count = group.supplier_count;
      junction.name = fmt::format("{}#{}", model.assets[a].id, group.position);
      junction.lines = {fmt::format("{}/{}", group.need, group.supplier_count)};
      junction.cluster = view.nodes[target].cluster;
      const auto j = view.nodes.size();
      view.nodes.push_back(std::move(junction));
      bool any_on_path = false;
      for (const auto& [s, via] : suppliers) {
        const bool on_path = path.count({s, a}) > 0;
        any_on_path = any_on_path || on_path;
        add_edge(node_of[s], j, via, on_path, "", geographic);
      }
      add_edge(j, target, false, any_on_path, tooltip, geographic);
    }
  }
  std::sort(view.edges.begin(), view.edges.end(), [](const GraphEdge& x, const GraphEdge& y) {
    return std::pair(x.from, x.to) < std::pair(y.from, y.to);
  });
  return view;
}

}  // namespace knelpunt::risk_register
