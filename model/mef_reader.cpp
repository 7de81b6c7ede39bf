#include "model/mef_reader.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <new>

#include "model/input_file.hpp"

namespace knelpunt::model {

namespace {

/// One XML element with its position; the whole file as a flat tree.
struct Element {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<std::size_t> children;  ///< indices into XmlTree::elements
  SourceLocation where;

  const std::string* attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
      if (k == key) return &v;
    return nullptr;
  }
};

struct XmlTree {
  std::vector<Element> elements;  ///< elements[0] is the root, when there is one
};

struct ParseState {
  XML_Parser parser = nullptr;
  const std::string* file = nullptr;
  XmlTree* tree = nullptr;
  std::vector<std::size_t> open;  ///< the elements being read, outermost first
  bool doctype = false;
  bool too_deep = false;
  SourceLocation stopped_at;
};

SourceLocation here(const ParseState& s) {
  return {*s.file, static_cast<std::uint32_t>(XML_GetCurrentLineNumber(s.parser)),
          static_cast<std::uint32_t>(XML_GetCurrentColumnNumber(s.parser) + 1)};
}

/// Parses `text` into `tree`; false (with an error added) when it is no
/// well-formed XML without a document type, nested at most kMaxMefNesting.
bool parse_xml(std::string_view text, const std::string& file, XmlTree& tree,
               Diagnostics& diagnostics) {
  if (text.size() > static_cast<std::size_t>(INT_MAX)) {
    diagnostics.error({file}, "is larger than 2 GiB; expected a smaller MEF file");
    return false;
  }
  XML_Parser parser = XML_ParserCreate(nullptr);
  if (!parser) throw std::bad_alloc();
  ParseState state;
  state.parser = parser;
  state.file = &file;
  state.tree = &tree;
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* s = static_cast<ParseState*>(data);
        if (s->open.size() >= kMaxMefNesting) {
          s->too_deep = true;
          s->stopped_at = here(*s);
          XML_StopParser(s->parser, XML_FALSE);
          return;
        }
        const std::size_t index = s->tree->elements.size();
        Element element;
        element.name = name;
        for (int i = 0; attributes[i]; i += 2)
          element.attributes.emplace_back(attributes[i], attributes[i + 1]);
        element.where = here(*s);
        s->tree->elements.push_back(std::move(element));
        if (!s->open.empty()) s->tree->elements[s->open.back()].children.push_back(index);
        s->open.push_back(index);
      },
      [](void* data, const XML_Char*) { static_cast<ParseState*>(data)->open.pop_back(); });
  // No document type: MEF files have none, and entities are the classic way
  // to make a small XML file expand without bound.
  XML_SetStartDoctypeDeclHandler(
      parser, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* s = static_cast<ParseState*>(data);
        s->doctype = true;
        s->stopped_at = here(*s);
        s->stopped_at.column = 0;  // expat is past the declaration's name by now: the line only
        XML_StopParser(s->parser, XML_FALSE);
      });
  const bool ok =
      XML_Parse(parser, text.data(), static_cast<int>(text.size()), XML_TRUE) == XML_STATUS_OK;
  if (state.doctype) {
    diagnostics.error(state.stopped_at,
                      "has a document type declaration (<!DOCTYPE>); expected MEF XML without one "
                      "(entities are not read)");
  } else if (state.too_deep) {
    diagnostics.error(state.stopped_at,
                      fmt::format("elements are nested more than {} deep; expected a fault tree "
                                  "whose formulas nest less deeply",
                                  kMaxMefNesting));
  } else if (!ok) {
    diagnostics.error(here(state), fmt::format("malformed XML ({}); expected well-formed XML",
                                               XML_ErrorString(XML_GetErrorCode(parser))));
  }
  XML_ParserFree(parser);
  return ok && !state.doctype && !state.too_deep;
}

/// A basic event as read, before its <parameter> is resolved.
struct RawBasicEvent {
  MefBasicEvent event;
  std::string parameter;  ///< the parameter it names, "" for none
  SourceLocation parameter_where;
};

struct RawParameter {
  std::string name;
  SourceLocation where;
  std::optional<double> value;  ///< nothing when its expression was refused
};

struct RawDefinitions {
  std::vector<MefGate> gates;
  std::vector<RawBasicEvent> basic_events;
  std::vector<RawParameter> parameters;
};

/// Why a construct cannot be imported; "" when it is not one of the known
/// refused ones.
std::string refusal_reason(std::string_view element) {
  if (element == "not" || element == "xor" || element == "nand" || element == "nor" ||
      element == "iff" || element == "imply" || element == "cardinality")
    return fmt::format(
        "<{}> is not supported: it makes the tree non-coherent (a failure could repair the top), "
        "which a knelpunt model, where failures only spread, cannot express; expected and, or, "
        "atleast and references",
        element);
  if (element == "house-event" || element == "define-house-event")
    return fmt::format(
        "<{}> is not supported: house events switch branches of a tree on or off; expected basic "
        "events and gates only (remove the branch a false house event switches off)",
        element);
  if (element == "define-CCF-group")
    return "<define-CCF-group> is not supported: a knelpunt model has no common-cause failure "
           "models; expected independent basic events (model a common cause as one basic event "
           "shared by the gates it fails)";
  if (element == "define-event-tree" || element == "define-initiating-event" ||
      element == "define-sequence" || element == "define-functional-event" ||
      element == "define-consequence" || element == "define-rule" || element == "define-branch")
    return fmt::format(
        "<{}> is not supported: import mef reads fault trees, not event trees; expected "
        "define-fault-tree and model-data",
        element);
  if (element == "define-substitution")
    return "<define-substitution> is not supported: substitutions change cut sets after the "
           "analysis; expected a fault tree without them";
  if (element == "define-alignment" || element == "define-phase")
    return fmt::format(
        "<{}> is not supported: mission phases are not modelled; expected one "
        "fault tree for one mission",
        element);
  if (element == "define-component")
    return "<define-component> is not supported; expected gates and basic events directly in "
           "define-fault-tree";
  if (element == "define-extern-function" || element == "extern-function" ||
      element == "extern-library" || element == "define-extern-library")
    return fmt::format(
        "<{}> is not supported: external functions are not evaluated; expected "
        "constant probabilities",
        element);
  return "";
}

/// A float attribute value: finite, the whole text a number.
std::optional<double> parse_float(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty() ||
      !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<std::uint32_t> parse_count(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool ignored(std::string_view element) { return element == "label" || element == "attributes"; }

/// Walks one file's tree into `raw`.
class FileReader {
 public:
  FileReader(const XmlTree& tree, RawDefinitions& raw, Diagnostics& diagnostics)
      : tree_(tree), raw_(raw), diagnostics_(diagnostics) {}

  void document() {
    if (tree_.elements.empty()) return;
    const Element& root = tree_.elements[0];
    if (root.name != "opsa-mef") {
      error(root, fmt::format("the root element is <{}>; expected <opsa-mef>", root.name));
      return;
    }
    for (auto c : root.children) {
      const Element& child = tree_.elements[c];
      if (ignored(child.name)) continue;
      if (child.name == "define-fault-tree")
        container(child, true);
      else if (child.name == "model-data")
        container(child, false);
      else
        unexpected(child, "<opsa-mef>", "define-fault-tree, model-data, label or attributes");
    }
  }

 private:
  void error(const Element& at, std::string message) {
    diagnostics_.error(at.where, std::move(message));
  }

  void unexpected(const Element& element, std::string_view inside, std::string_view expected) {
    if (auto reason = refusal_reason(element.name); !reason.empty()) {
      error(element, reason);
      return;
    }
    error(element,
          fmt::format("unexpected <{}> in {}; expected {}", element.name, inside, expected));
  }

  /// define-fault-tree (gates allowed) or model-data (no gates).
  void container(const Element& element, bool fault_tree) {
    for (auto c : element.children) {
      const Element& child = tree_.elements[c];
      if (ignored(child.name)) continue;
      if (child.name == "define-gate" && fault_tree)
        gate(child);
      else if (child.name == "define-basic-event")
        basic_event(child);
      else if (child.name == "define-parameter")
        parameter(child);
      else
        unexpected(child, fmt::format("<{}>", element.name),
                   fault_tree
                       ? "define-gate, define-basic-event, define-parameter, label or attributes"
                       : "define-basic-event, define-parameter, label or attributes");
    }
  }

  /// The `name` of a definition, checked to become a knelpunt id.
  std::optional<std::string> definition_name(const Element& element) {
    const std::string* name = element.attribute("name");
    if (!name) {
      error(element, fmt::format("<{}> has no name; expected name=\"…\"", element.name));
      return std::nullopt;
    }
    if (!mef_knelpunt_id(*name)) {
      error(element, fmt::format("the name '{}' cannot become a knelpunt id; expected ASCII "
                                 "letters, digits, '_' and '-', starting with a letter or digit",
                                 *name));
      return std::nullopt;
    }
    return *name;
  }

  /// The children of a definition other than label and attributes.
  std::vector<const Element*> content(const Element& element) {
    std::vector<const Element*> out;
    for (auto c : element.children)
      if (!ignored(tree_.elements[c].name)) out.push_back(&tree_.elements[c]);
    return out;
  }

  void gate(const Element& element) {
    const auto name = definition_name(element);
    const auto parts = content(element);
    if (parts.empty()) {
      error(element, fmt::format("<define-gate> '{}' has no formula; expected one of and, or, "
                                 "atleast, event, gate, basic-event",
                                 name.value_or("")));
      return;
    }
    if (parts.size() > 1) {
      error(*parts[1], fmt::format("<define-gate> has a second formula <{}>; expected one formula",
                                   parts[1]->name));
      return;
    }
    auto formula_read = formula(*parts[0]);
    if (!name || !formula_read) return;
    raw_.gates.push_back({*name, element.where, std::move(*formula_read)});
  }

  std::optional<MefFormula> reference(const Element& element, MefFormula::Kind kind) {
    const std::string* name = element.attribute("name");
    if (!name || name->empty()) {
      error(element, fmt::format("<{}> has no name; expected name=\"…\" of the event it means",
                                 element.name));
      return std::nullopt;
    }
    MefFormula out;
    out.kind = kind;
    out.name = *name;
    out.where = element.where;
    return out;
  }

  std::optional<MefFormula> formula(const Element& element) {
    using Kind = MefFormula::Kind;
    const std::string& n = element.name;
    if (n == "basic-event") return reference(element, Kind::basic_event);
    if (n == "gate") return reference(element, Kind::gate);
    if (n == "event") {
      const std::string* type = element.attribute("type");
      if (!type) return reference(element, Kind::event);
      if (*type == "gate") return reference(element, Kind::gate);
      if (*type == "basic-event") return reference(element, Kind::basic_event);
      if (*type == "house-event") {
        error(element, refusal_reason("house-event"));
        return std::nullopt;
      }
      error(element, fmt::format("<event> has type '{}'; expected gate or basic-event", *type));
      return std::nullopt;
    }
    if (n == "constant") {
      const std::string* value = element.attribute("value");
      if (value && *value == "false") {
        MefFormula out;
        out.kind = Kind::constant_false;
        out.where = element.where;
        return out;
      }
      if (value && *value == "true") {
        error(element,
              "<constant value=\"true\"/> is not supported: an asset fails only by its own p or "
              "through its dependencies, never for certain; expected a formula that can be "
              "false");
        return std::nullopt;
      }
      error(element, "<constant> has no value true or false; expected value=\"false\"");
      return std::nullopt;
    }
    if (n == "and" || n == "or" || n == "atleast") {
      MefFormula out;
      out.kind = n == "and" ? Kind::op_and : n == "or" ? Kind::op_or : Kind::atleast;
      out.where = element.where;
      bool complete = true;
      for (auto c : element.children) {
        auto argument = formula(tree_.elements[c]);
        if (argument)
          out.arguments.push_back(std::move(*argument));
        else
          complete = false;
      }
      if (!complete) return std::nullopt;
      if (out.arguments.empty()) {
        error(element, fmt::format("<{}> has no arguments; expected at least one", n));
        return std::nullopt;
      }
      if (out.kind == Kind::atleast) {
        const std::string* min = element.attribute("min");
        const auto k = min ? parse_count(*min) : std::nullopt;
        if (!k || *k < 1 || *k > out.arguments.size()) {
          error(element, fmt::format("<atleast> has min=\"{}\" for {} argument{}; expected a "
                                     "whole number from 1 to the number of arguments",
                                     min ? *min : std::string(), out.arguments.size(),
                                     out.arguments.size() == 1 ? "" : "s"));
          return std::nullopt;
        }
        out.min = *k;
      }
      return out;
    }
    if (auto reason = refusal_reason(n); !reason.empty()) {
      error(element, reason);
      return std::nullopt;
    }
    error(element, fmt::format("unexpected <{}> where a formula belongs; expected and, or, "
                               "atleast, event, gate, basic-event or constant false",
                               n));
    return std::nullopt;
  }

  /// The probability expression of a basic event or parameter: a <float>
  /// (its value), or for a basic event a <parameter> (its name). Anything
  /// else is refused.
  void expression(const Element& element, std::optional<double>& value, std::string* parameter,
                  SourceLocation* parameter_where) {
    if (element.name == "float") {
      const std::string* text = element.attribute("value");
      const auto v = text ? parse_float(*text) : std::nullopt;
      if (!v || *v < 0 || *v > 1) {
        error(element, fmt::format("<float> has value \"{}\"; expected a probability from 0 to 1",
                                   text ? *text : std::string()));
        return;
      }
      value = *v + 0.0;  // -0 is written as 0
      return;
    }
    if (element.name == "parameter" && parameter) {
      const std::string* name = element.attribute("name");
      if (!name || name->empty()) {
        error(element, "<parameter> has no name; expected name=\"…\" of a define-parameter");
        return;
      }
      *parameter = *name;
      *parameter_where = element.where;
      return;
    }
    error(element,
          fmt::format("the expression <{}> is not supported: only constant probabilities are "
                      "imported; expected <float value=\"…\"/>{}",
                      element.name,
                      parameter ? " or a <parameter> whose definition is a <float>" : ""));
  }

  void basic_event(const Element& element) {
    const auto name = definition_name(element);
    const auto parts = content(element);
    RawBasicEvent raw;
    if (parts.size() > 1) {
      error(*parts[1], fmt::format("<define-basic-event> has a second expression <{}>; expected "
                                   "at most one",
                                   parts[1]->name));
      return;
    }
    if (!parts.empty()) expression(*parts[0], raw.event.p, &raw.parameter, &raw.parameter_where);
    if (!name) return;
    raw.event.name = *name;
    raw.event.where = element.where;
    raw_.basic_events.push_back(std::move(raw));
  }

  void parameter(const Element& element) {
    const std::string* name = element.attribute("name");
    if (!name || name->empty()) {
      error(element, "<define-parameter> has no name; expected name=\"…\"");
      return;
    }
    RawParameter raw{*name, element.where, std::nullopt};
    const auto parts = content(element);
    if (parts.size() != 1) {
      error(element, fmt::format("<define-parameter> '{}' has {} expressions; expected one "
                                 "<float value=\"…\"/>",
                                 *name, parts.size()));
    } else {
      expression(*parts[0], raw.value, nullptr, nullptr);
    }
    raw_.parameters.push_back(std::move(raw));
  }

  const XmlTree& tree_;
  RawDefinitions& raw_;
  Diagnostics& diagnostics_;
};

/// Parameters resolved, names checked across all files.
MefDefinitions finish(RawDefinitions raw, Diagnostics& diagnostics) {
  std::map<std::string, const RawParameter*> parameters;
  for (const auto& p : raw.parameters) {
    auto [it, inserted] = parameters.emplace(p.name, &p);
    if (!inserted)
      diagnostics.error(p.where, fmt::format("parameter '{}' is defined twice: here and at {}; "
                                             "expected one definition",
                                             p.name, it->second->where.to_string()));
  }
  MefDefinitions out;
  out.gates = std::move(raw.gates);
  for (auto& b : raw.basic_events) {
    if (!b.parameter.empty()) {
      const auto it = parameters.find(b.parameter);
      if (it == parameters.end())
        diagnostics.error(b.parameter_where,
                          fmt::format("parameter '{}' is not defined; expected a "
                                      "define-parameter of that name",
                                      b.parameter));
      else
        b.event.p = it->second->value;  // a refused expression was reported where it is
    }
    out.basic_events.push_back(std::move(b.event));
  }

  // Gates and basic events share one name space (MEF), and their knelpunt
  // ids must differ too.
  struct Seen {
    std::string name;
    SourceLocation where;
  };
  std::map<std::string, Seen> by_name, by_id;
  auto check = [&](const std::string& name, const SourceLocation& where) {
    if (auto [it, inserted] = by_name.try_emplace(name, Seen{name, where}); !inserted) {
      diagnostics.error(where, fmt::format("'{}' is defined twice: here and at {}; expected one "
                                           "definition of each gate and basic event",
                                           name, it->second.where.to_string()));
      return;
    }
    const auto id = mef_knelpunt_id(name);
    if (!id) return;  // reported where it is defined
    if (auto [it, inserted] = by_id.try_emplace(*id, Seen{name, where}); !inserted)
      diagnostics.error(where,
                        fmt::format("'{}' and '{}' (at {}) would both become the knelpunt id '{}'; "
                                    "expected MEF names that differ after lower-casing and '_' → "
                                    "'-' (rename one)",
                                    name, it->second.name, it->second.where.to_string(), *id));
  };
  for (const auto& g : out.gates) check(g.name, g.where);
  for (const auto& b : out.basic_events) check(b.name, b.where);
  return out;
}

}  // namespace

std::optional<std::string> mef_knelpunt_id(std::string_view mef_name) {
  if (mef_name.empty()) return std::nullopt;
  std::string id;
  id.reserve(mef_name.size());
  for (char c : mef_name) {
    if (c >= 'A' && c <= 'Z')
      id += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
      id += c;
    else if (c == '_')
      id += '-';
    else
      return std::nullopt;
  }
  if (id.front() == '-') return std::nullopt;
  return id;
}

MefDefinitions read_mef_texts(const std::vector<MefText>& texts, Diagnostics& diagnostics) {
  RawDefinitions raw;
  for (const auto& t : texts) {
    XmlTree tree;
    if (!parse_xml(t.text, t.file, tree, diagnostics)) continue;
    FileReader(tree, raw, diagnostics).document();
  }
  return finish(std::move(raw), diagnostics);
}

MefDefinitions read_mef_files(const std::vector<std::filesystem::path>& paths,
                              Diagnostics& diagnostics) {
  std::vector<MefText> texts;
  std::vector<std::filesystem::path> seen;
  for (const auto& path : paths) {
    // The same file twice would define every name twice; say so once.
    std::error_code ignored;
    const auto canonical = std::filesystem::weakly_canonical(path, ignored);
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
      diagnostics.error({path.string()}, "is named twice; expected each MEF file once");
      continue;
    }
    seen.push_back(canonical);
    auto read = read_input_file(
        path,
        {"the MEF file", "an Open-PSA MEF XML file (docs/fault-tree-import.md)", InputLimit::mef});
    if (!read.text) {
      diagnostics.add(read.problem);
      continue;
    }
    texts.push_back({path.string(), std::move(*read.text)});
  }
  return read_mef_texts(texts, diagnostics);
}

}  // namespace knelpunt::model
