#include "register/graph_svg_writer.hpp"

#include <fmt/format.h>

#include <cmath>

#include "model/text_format.hpp"
#include "model/utf8.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

std::string esc(std::string_view text) { return model::html_escape(text); }

/// One decimal, and never "-0.0", so that the same layout gives the same bytes.
std::string num(double value) {
  const double rounded = std::round(value * 10) / 10;
  return fmt::format("{:.1f}", rounded == 0 ? 0.0 : rounded);
}

// Graphviz sizes labels for Helvetica at 10 pt, and the text is drawn at that
// size: Helvetica, Arial and Liberation Sans, named first, share Helvetica's
// widths. 10 pt rather than a smaller safety size, because the smallest text
// decides whether Dordrecht's picture reads on A3 (decision 034).
constexpr double kFontSize = 10;
constexpr double kLineHeight = 12;  // Graphviz's own line height: 1.2 times the size
constexpr std::string_view kFont =
    "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans Condensed', sans-serif";

/// A rough width of `text` at `size` (for laying out the legend only).
double text_width(std::string_view text, double size) {
  return static_cast<double>(model::code_points(text)) * size * 0.55;
}

void write_edge(std::string& out, const GraphEdge& edge, const GraphLayout::Edge& path) {
  if (path.spline.empty()) return;
  const std::string colour = edge.on_path ? "#0072B2" : edge.geographic ? "#AAAAAA" : "#555555";
  const std::string width = edge.on_path ? "2.5" : edge.geographic ? "0.8" : "1";
  std::string d = fmt::format("M{},{}", num(path.spline[0].x), num(path.spline[0].y));
  for (std::size_t i = 1; i + 2 < path.spline.size(); i += 3)
    d += fmt::format(" C{},{} {},{} {},{}", num(path.spline[i].x), num(path.spline[i].y),
                     num(path.spline[i + 1].x), num(path.spline[i + 1].y),
                     num(path.spline[i + 2].x), num(path.spline[i + 2].y));
  out += fmt::format("<g class=\"edge{}\">", edge.on_path ? " path" : "");
  if (!edge.tooltip.empty()) out += fmt::format("<title>{}</title>", esc(edge.tooltip));
  out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}/>", d,
                     colour, width, edge.via_collapsed ? " stroke-dasharray=\"4 3\"" : "");
  if (path.arrow_tip) {
    const auto& base = path.spline.back();
    const auto& tip = *path.arrow_tip;
    const double dx = tip.x - base.x, dy = tip.y - base.y;
    const double length = std::hypot(dx, dy);
    if (length > 0) {
      const double half = edge.on_path ? 3.5 : 2.5;
      const double nx = -dy / length * half, ny = dx / length * half;
      out += fmt::format("<polygon points=\"{},{} {},{} {},{}\" fill=\"{}\"/>", num(tip.x),
                         num(tip.y), num(base.x + nx), num(base.y + ny), num(base.x - nx),
                         num(base.y - ny), colour);
    }
  }
  out += "</g>\n";
}

void write_text_lines(std::string& out, const std::vector<std::string>& lines, double cx, double cy,
                      double size, std::string_view colour) {
  const double first = cy - (static_cast<double>(lines.size()) - 1) * kLineHeight / 2 + size * 0.35;
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>",
        num(cx), num(first + static_cast<double>(i) * kLineHeight), num(size), colour,
        esc(lines[i]));
}

void write_node(std::string& out, const GraphView& view, const GraphNode& node,
                const GraphLayout::Box& box) {
  const double cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  if (node.junction) {
    out += fmt::format(
        "<g class=\"junction\"><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#FFFFFF\" "
        "stroke=\"#555555\"/>",
        num(cx), num(cy), num(box.width / 2));
    write_text_lines(out, node.lines, cx, cy, kFontSize, "#000000");
    out += "</g>\n";
    return;
  }
  (void)view;
  std::string stroke = node.context ? "#999999" : "#555555";
  std::string stroke_width = "1";
  std::string dash = node.is_virtual ? " stroke-dasharray=\"3 2\"" : "";
  if (node.mark != NodeMark::none) {
    stroke = std::string(mark_colour(node.mark));
    stroke_width = "3";
    if (node.mark == NodeMark::pair) dash = " stroke-dasharray=\"6 3\"";
  }
  out += fmt::format("<g class=\"node{}\" data-asset=\"{}\">",
                     node.mark == NodeMark::none ? "" : " marked",
                     esc(view.nodes.empty() ? "" : node.name));
  std::string title = node.title;
  if (!node.folded.empty()) title += " " + node.lines.back();
  out += fmt::format("<title>{}</title>", esc(title));
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\" stroke=\"{}\" "
      "stroke-width=\"{}\"{}/>",
      num(box.x), num(box.y), num(box.width), num(box.height), category_fill(node.category), stroke,
      stroke_width, dash);
  write_text_lines(out, node.lines, cx, cy, kFontSize, node.context ? "#666666" : "#000000");
  out += "</g>\n";
}

struct LegendItem {
  std::string kind;  ///< "fill", "mark", "junction", "via", "path"
  std::string colour;
  std::string text;
  NodeMark mark = NodeMark::none;
};

/// The legend below the drawing, in rows as wide as the drawing; returns its height.
double write_legend(std::string& out, const GraphView& view, const GraphSvgOptions& options,
                    double top, double width) {
  const auto& lang = view.lang;
  std::vector<LegendItem> items = {
      {"fill", std::string(category_fill(NodeCategory::a)),
       std::string(label(Label::graph_legend_a, lang))},
      {"fill", std::string(category_fill(NodeCategory::b)),
       std::string(label(Label::graph_legend_b, lang))},
      {"fill", std::string(category_fill(NodeCategory::regional)),
       std::string(label(Label::graph_legend_regional, lang))},
      {"fill", std::string(category_fill(NodeCategory::none)),
       std::string(label(Label::graph_legend_none, lang))},
      {"junction", "", std::string(label(Label::graph_legend_junction, lang))},
      {"via", "", std::string(label(Label::graph_legend_via, lang))},
      {"geographic", "", std::string(label(Label::graph_legend_geographic, lang))},
  };
  if (options.show_marks) {
    items.push_back({"mark", "", std::string(label(Label::graph_legend_single_point, lang)),
                     NodeMark::single_point});
    items.push_back(
        {"mark", "", std::string(label(Label::graph_legend_pair, lang)), NodeMark::pair});
    items.push_back({"path", "", std::string(label(Label::graph_legend_path, lang))});
  }
  // Rows as low as the junction's circle allows: the legend's height counts on an A3 page too.
  const double size = kFontSize, row_height = 20;
  double x = 0, y = top + 4;
  out += fmt::format("<g class=\"legend\" font-size=\"{}\">\n", num(size));
  for (const auto& item : items) {
    const double item_width = 28 + text_width(item.text, size) + 16;
    if (x > 0 && x + item_width > width) {
      x = 0;
      y += row_height;
    }
    const double mid = y + 6;
    if (item.kind == "fill")
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"12\" rx=\"3\" fill=\"{}\" "
          "stroke=\"#555555\"/>",
          num(x), num(y), item.colour);
    else if (item.kind == "mark")
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"12\" rx=\"3\" fill=\"#FFFFFF\" "
          "stroke=\"{}\" stroke-width=\"3\"{}/>",
          num(x), num(y), mark_colour(item.mark),
          item.mark == NodeMark::pair ? " stroke-dasharray=\"6 3\"" : "");
    else if (item.kind == "junction")
      out += fmt::format(
          "<circle cx=\"{}\" cy=\"{}\" r=\"9\" fill=\"#FFFFFF\" stroke=\"#555555\"/>"
          "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" textLength=\"14\" "
          "lengthAdjust=\"spacingAndGlyphs\">k/n</text>",
          num(x + 10), num(mid), num(x + 10), num(mid + 3.5));
    else
      out += fmt::format("<path d=\"M{},{} h20\" stroke=\"{}\" stroke-width=\"{}\"{}/>", num(x),
                         num(mid),
                         item.kind == "path" ? "#0072B2" : (item.kind == "geographic" ? "#AAAAAA" : "#555555"),
                         item.kind == "path" ? "2.5" : "1",
                         item.kind == "via" ? " stroke-dasharray=\"4 3\"" : "");
    // The width the row was laid out with, whatever font the reader has:
    // a wider one than Helvetica's metrics is squeezed to fit, not run into
    // the next item (seen printed with DejaVu Sans).
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>\n",
        num(x + 26), num(mid + 3.5), num(text_width(item.text, size)), esc(item.text));
    x += item_width;
  }
  if (!view.hidden.empty()) {
    y += row_height;
    out += fmt::format("<text x=\"0\" y=\"{}\">{}</text>\n", num(y + 9.5),
                       esc(fmt::format(fmt::runtime(label(Label::graph_hidden, lang)),
                                       model::format_grouped_integer(
                                           static_cast<double>(view.hidden.size()), lang))));
  }
  out += "</g>\n";
  return y + row_height - top;
}

}  // namespace

std::string graph_to_svg(const GraphView& view, const GraphLayout& layout,
                         const GraphSvgOptions& options) {
  // The legend is laid out first to know the picture's height.
  const double margin = 4;
  const double width = std::max(layout.width, 420.0);
  std::string legend;
  const double legend_height = write_legend(legend, view, options, layout.height + 4, width);
  const double height = layout.height + 4 + legend_height;
  std::string out;
  if (options.standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string size = options.standalone
                               ? fmt::format(" width=\"{}pt\" height=\"{}pt\"",
                                             num(width + 2 * margin), num(height + 2 * margin))
                               : "";
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" viewBox=\"{} {} {} {}\"{} "
      "role=\"img\" "
      "font-family=\"{}\">\n<title>{}</title>\n",
      esc(options.css_class), num(-margin), num(-margin), num(width + 2 * margin),
      num(height + 2 * margin), size, kFont, esc(view.title));
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#FFFFFF\"/>\n",
                     num(-margin), num(-margin), num(width + 2 * margin), num(height + 2 * margin));
  for (std::size_t c = 0; c < view.clusters.size(); ++c) {
    const auto& box = layout.clusters[c];
    const std::string name = view.clusters[c].label.empty()
                                 ? std::string(label(Label::graph_other_sector, view.lang))
                                 : view.clusters[c].label;
    out += fmt::format(
        "<g class=\"cluster\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" "
        "fill=\"#F7F7F7\" "
        "stroke=\"#BBBBBB\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"bold\" "
        "fill=\"#333333\">{}</text></g>\n",
        num(box.x), num(box.y), num(box.width), num(box.height), num(box.x + 6), num(box.y + 13),
        esc(name));
  }
  for (std::size_t e = 0; e < view.edges.size(); ++e)
    if (!view.edges[e].on_path) write_edge(out, view.edges[e], layout.edges[e]);
  for (std::size_t e = 0; e < view.edges.size(); ++e)
    if (view.edges[e].on_path) write_edge(out, view.edges[e], layout.edges[e]);
  for (std::size_t n = 0; n < view.nodes.size(); ++n)
    write_node(out, view, view.nodes[n], layout.nodes[n]);
  out += legend;
  out += "</svg>\n";
  return out;
}

}  // namespace knelpunt::risk_register
