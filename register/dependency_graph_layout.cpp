#include "register/dependency_graph_layout.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

// The dot layout plugin's entry, exported by libgvplugin_dot_layout (linked
// directly; decision 026 says why not through Graphviz's plugin configuration).
extern "C" {
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
}

#if defined(__SANITIZE_ADDRESS__)
#define KNELPUNT_LEAK_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KNELPUNT_LEAK_SANITIZER 1
#endif
#endif

#if defined(KNELPUNT_LEAK_SANITIZER)
// Graphviz 2.42's dot layout does not free all it allocates: about 370 KB
// per layout of Dordrecht, per call, every block from its own allocator in
// libgvc (gmalloc/grealloc); gvFreeLayout, agclose and gvFreeContext are all
// called. LeakSanitizer (the CI's sanitizer build) would fail every test that
// lays a graph out, so leaks whose stack is in libgvc are suppressed, and
// only those (decision 026). Our own allocations are still checked.
extern "C" const char* __lsan_default_suppressions() { return "leak:libgvc.so\n"; }
#endif

namespace knelpunt::risk_register {

namespace {

/// Escapes text for a double-quoted DOT string. Backslashes are doubled, so
/// Graphviz's label escapes (\N, \G, \l …) in a model's name stay literal.
std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string joined_label(const std::vector<std::string>& lines) {
  std::string out = "\"";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\\n";
    const auto quoted = dot_string(lines[i]);
    out += quoted.substr(1, quoted.size() - 2);
  }
  out += '"';
  return out;
}

std::string node_statement(const GraphNode& node) {
  if (node.junction)
    return fmt::format(
        "{} [shape=circle, style=filled, fillcolor=\"#FFFFFF\", label={}, width=0.3, height=0.3, "
        "fixedsize=true, fontsize=10]",
        dot_string(node.name), joined_label(node.lines));
  std::string style = "rounded,filled";
  if (node.is_virtual) style += ",dashed";
  std::string extra;
  if (node.context) extra += ", color=\"#999999\", fontcolor=\"#777777\"";
  if (node.mark != NodeMark::none)
    extra += fmt::format(", color=\"{}\", penwidth=3{}", mark_colour(node.mark),
                         node.mark == NodeMark::pair ? ", style=\"rounded,filled,dashed\"" : "");
  return fmt::format("{} [label={}, fillcolor=\"{}\", style=\"{}\"{}]", dot_string(node.name),
                     joined_label(node.lines), category_fill(node.category), style, extra);
}

/// Graphviz reports problems through a callback; collected here while the
/// mutex below is held.
std::mutex graphviz_mutex;
std::string* graphviz_messages = nullptr;

int collect_graphviz_message(char* message) {
  if (graphviz_messages) *graphviz_messages += message;
  return 0;
}

// Object ids by creation order, never by address (decision 026). cgraph's
// default id discipline uses the address of a name's interned string as the
// object's id, and orders subgraphs (our sector clusters) and node sets by
// id, so dot's layout depended on the heap: on the paths on the command line,
// on the allocator, on what ran before. This discipline numbers objects with
// a counter in the graph's own state, names included, so the same DOT text
// gives the same ids in every process. It keeps the names itself (cgraph's
// internal name map is not freed by agclose in 2.42) and frees them on close.
struct SequentialIds {
  IDTYPE next = 1;
  std::map<std::string, IDTYPE, std::less<>> id_of_name;
  std::map<IDTYPE, std::string> name_of_id;
};

void* open_sequential_ids(Agraph_t*, Agdisc_t*) { return new SequentialIds; }

long map_sequential_id(void* state, int, char* name, IDTYPE* id, int create) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (name != nullptr) {
    if (auto known = ids->id_of_name.find(std::string_view(name)); known != ids->id_of_name.end()) {
      *id = known->second;
      return 1;
    }
  }
  if (!create) return 0;
  *id = ids->next;
  ids->next += 2;  // odd, as cgraph's own anonymous ids
  if (name != nullptr) {
    ids->id_of_name.emplace(name, *id);
    ids->name_of_id.emplace(*id, name);
  }
  return 1;
}

long alloc_sequential_id(void*, int, IDTYPE) { return 0; }  // no caller-chosen ids
void free_sequential_id(void*, int, IDTYPE) {}
char* print_sequential_id(void* state, int, IDTYPE id) {
  auto* ids = static_cast<SequentialIds*>(state);
  const auto name = ids->name_of_id.find(id);
  return name == ids->name_of_id.end() ? nullptr : name->second.data();
}
void close_sequential_ids(void* state) { delete static_cast<SequentialIds*>(state); }
void register_sequential_id(void*, int, void*) {}

Agiddisc_t sequential_id_discipline = {open_sequential_ids,  map_sequential_id,    alloc_sequential_id,
                                       free_sequential_id,   print_sequential_id,  close_sequential_ids,
                                       register_sequential_id};

/// Reads the DOT text from memory through cgraph's io discipline.
struct DotText {
  std::string_view text;
  std::size_t offset = 0;
};

int read_dot_text(void* channel, char* buffer, int size) {
  auto* dot = static_cast<DotText*>(channel);
  // cgraph's lexer reads a line at a time, as from a file.
  std::size_t count = 0;
  while (dot->offset < dot->text.size() && count + 1 < static_cast<std::size_t>(size)) {
    const char c = dot->text[dot->offset++];
    buffer[count++] = c;
    if (c == '\n') break;
  }
  buffer[count] = '\0';
  return static_cast<int>(count);
}

Agiodisc_t dot_text_io = {read_dot_text, AgIoDisc.putstr, AgIoDisc.flush};

struct ContextDeleter {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};

LayoutPoint point(const pointf& p, double top) { return {p.x, top - p.y}; }

}  // namespace

std::string graph_view_to_dot(const GraphView& view) {
  std::string out = fmt::format("digraph {} {{\n", dot_string(view.title));
  // As tight as dot allows (its smallest nodesep is 0.02), and compressed towards an A3 page
  // inside 10 mm margins (10.9 x 15.7 in): Dordrecht's picture must print readably on A3
  // (decision 034, tests/cli/graph_a3_check.py). The sector labels are drawn at 11 pt bold,
  // about as wide as Helvetica at the 12 pt the layout reserves.
  out +=
      "  graph [rankdir=LR, nodesep=0.02, ranksep=0.1, ratio=compress, size=\"10.9,15.7\", "
      "fontname=\"Helvetica\", fontsize=12, labeljust=l, labelloc=t, margin=0];\n"
      "  node [shape=box, fontname=\"Helvetica\", fontsize=10, margin=\"0.02,0.02\", height=0.25, "
      "width=0.3, "
      "color=\"#555555\"];\n"
      "  edge [arrowsize=0.6, color=\"#555555\"];\n";
  for (std::size_t c = 0; c < view.clusters.size(); ++c) {
    out += fmt::format("  subgraph \"{}_{}\" {{\n    label={};\n    color=\"#BBBBBB\";\n",
                       "cluster", c, dot_string(view.clusters[c].label));
    for (const auto& node : view.nodes)
      if (node.cluster == c) out += fmt::format("    {};\n", node_statement(node));
    out += "  }\n";
  }
  for (const auto& edge : view.edges) {
    std::vector<std::string> attributes;
    if (edge.via_collapsed) attributes.emplace_back("style=dashed");
    if (edge.geographic && !edge.on_path) attributes.emplace_back("color=\"#AAAAAA\"");
    if (edge.on_path) attributes.emplace_back("color=\"#0072B2\", penwidth=2.5");
    if (!edge.tooltip.empty()) attributes.push_back("tooltip=" + dot_string(edge.tooltip));
    out += fmt::format("  {} -> {}{};\n", dot_string(view.nodes[edge.from].name),
                       dot_string(view.nodes[edge.to].name),
                       attributes.empty() ? "" : fmt::format(" [{}]", fmt::join(attributes, ", ")));
  }
  out += "}\n";
  return out;
}

GraphLayoutResult layout_graph_view(const GraphView& view) {
  const std::string dot = graph_view_to_dot(view);
  std::lock_guard lock(graphviz_mutex);
  std::string messages;
  graphviz_messages = &messages;
  const auto previous_handler = agseterrf(collect_graphviz_message);
  struct Restore {
    agusererrf handler;
    ~Restore() {
      agseterrf(handler);
      graphviz_messages = nullptr;
    }
  } restore{previous_handler};

  GraphLayoutResult result;
  // Only the dot layout: no plugin configuration is read (demand loading off).
  static const lt_symlist_t builtins[] = {
      {"gvplugin_dot_layout_LTX_library", static_cast<void*>(&gvplugin_dot_layout_LTX_library)},
      {nullptr, nullptr}};
  std::unique_ptr<GVC_t, ContextDeleter> context(gvContextPlugins(builtins, 0));
  if (!context) {
    result.error = "Graphviz could not create a context";
    return result;
  }
  DotText dot_text{dot};
  Agdisc_t discipline = {&AgMemDisc, &sequential_id_discipline, &dot_text_io};
  std::unique_ptr<Agraph_t, GraphDeleter> graph(agread(&dot_text, &discipline));
  if (!graph) {
    result.error = fmt::format("Graphviz could not read the graph: {}", messages);
    return result;
  }
  if (gvLayout(context.get(), graph.get(), "dot") != 0) {
    result.error = fmt::format("Graphviz could not lay the graph out: {}", messages);
    return result;
  }
  struct FreeLayout {
    GVC_t* context;
    Agraph_t* graph;
    ~FreeLayout() { gvFreeLayout(context, graph); }
  } free_layout{context.get(), graph.get()};

  GraphLayout layout;
  const boxf bounds = GD_bb(graph.get());
  const double top = bounds.UR.y;
  layout.width = bounds.UR.x - bounds.LL.x;
  layout.height = bounds.UR.y - bounds.LL.y;
  std::map<std::string, std::size_t, std::less<>> node_index;
  for (std::size_t i = 0; i < view.nodes.size(); ++i) node_index.emplace(view.nodes[i].name, i);
  layout.nodes.resize(view.nodes.size());
  for (std::size_t i = 0; i < view.nodes.size(); ++i) {
    Agnode_t* node = agnode(graph.get(), const_cast<char*>(view.nodes[i].name.c_str()), 0);
    if (!node) {
      result.error = fmt::format("Graphviz lost node '{}'", view.nodes[i].name);
      return result;
    }
    const auto centre = point(ND_coord(node), top);
    const double width = ND_width(node) * 72, height = ND_height(node) * 72;
    layout.nodes[i] = {centre.x - width / 2 - bounds.LL.x, centre.y - height / 2, width, height};
  }
  layout.clusters.resize(view.clusters.size());
  layout.cluster_labels.resize(view.clusters.size());
  for (int c = 1; c <= GD_n_cluster(graph.get()); ++c) {
    Agraph_t* cluster = GD_clust(graph.get())[c];
    const std::string name = agnameof(cluster);
    const std::size_t index = std::stoul(name.substr(std::string("cluster_").size()));
    if (index >= view.clusters.size()) continue;
    const boxf box = GD_bb(cluster);
    layout.clusters[index] = {box.LL.x - bounds.LL.x, top - box.UR.y, box.UR.x - box.LL.x,
                              box.UR.y - box.LL.y};
    if (const auto* label = GD_label(cluster)) {
      const auto at = point(label->pos, top);
      layout.cluster_labels[index] = {at.x - bounds.LL.x, at.y};
    }
  }
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> edge_index;
  for (std::size_t i = 0; i < view.edges.size(); ++i)
    edge_index[{view.edges[i].from, view.edges[i].to}] = i;
  layout.edges.resize(view.edges.size());
  for (Agnode_t* node = agfstnode(graph.get()); node; node = agnxtnode(graph.get(), node))
    for (Agedge_t* edge = agfstout(graph.get(), node); edge; edge = agnxtout(graph.get(), edge)) {
      const auto from = node_index.find(agnameof(agtail(edge)));
      const auto to = node_index.find(agnameof(aghead(edge)));
      if (from == node_index.end() || to == node_index.end()) continue;
      const auto found = edge_index.find({from->second, to->second});
      if (found == edge_index.end() || !ED_spl(edge) || ED_spl(edge)->size < 1) continue;
      const bezier& curve = ED_spl(edge)->list[0];
      auto& out = layout.edges[found->second];
      for (int p = 0; p < curve.size; ++p) {
        auto at = point(curve.list[p], top);
        at.x -= bounds.LL.x;
        out.spline.push_back(at);
      }
      if (curve.eflag) {
        auto tip = point(curve.ep, top);
        tip.x -= bounds.LL.x;
        out.arrow_tip = tip;
      }
    }
  result.layout = std::move(layout);
  return result;
}

}  // namespace knelpunt::risk_register
