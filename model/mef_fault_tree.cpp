#include "model/mef_fault_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "model/suggest.hpp"

namespace knelpunt::model {

namespace {

/// What a name defines: a gate or a basic event, by its position.
struct Definition {
  bool is_gate = false;
  std::size_t index = 0;
};

std::map<std::string, Definition, std::less<>> index_definitions(const MefDefinitions& d) {
  std::map<std::string, Definition, std::less<>> out;
  // A name defined twice was reported by the reader; the first one counts.
  for (std::size_t i = 0; i < d.gates.size(); ++i)
    out.try_emplace(d.gates[i].name, Definition{true, i});
  for (std::size_t i = 0; i < d.basic_events.size(); ++i)
    out.try_emplace(d.basic_events[i].name, Definition{false, i});
  return out;
}

bool is_reference(const MefFormula& f) {
  return f.kind == MefFormula::Kind::event || f.kind == MefFormula::Kind::gate ||
         f.kind == MefFormula::Kind::basic_event;
}

std::string_view element_of(const MefFormula& f) {
  switch (f.kind) {
    case MefFormula::Kind::event:
      return "event";
    case MefFormula::Kind::gate:
      return "gate";
    case MefFormula::Kind::basic_event:
      return "basic-event";
    case MefFormula::Kind::op_and:
      return "and";
    case MefFormula::Kind::op_or:
      return "or";
    case MefFormula::Kind::atleast:
      return "atleast";
    case MefFormula::Kind::constant_false:
      return "constant";
  }
  return "";
}

class Checker {
 public:
  Checker(const MefDefinitions& definitions, Diagnostics& diagnostics)
      : definitions_(definitions),
        diagnostics_(diagnostics),
        index_(index_definitions(definitions)) {
    for (const auto& [name, definition] : index_) names_.push_back(name);
  }

  /// References and repeated arguments of every gate; fills the gate graph.
  void references() {
    edges_.resize(definitions_.gates.size());
    for (std::size_t g = 0; g < definitions_.gates.size(); ++g)
      formula(definitions_.gates[g].formula, edges_[g]);
  }

  /// Reports the first cycle between gates, gate by gate.
  void cycles() {
    const std::size_t n = definitions_.gates.size();
    enum : std::uint8_t { unseen, open, done };
    std::vector<std::uint8_t> state(n, unseen);
    // Iterative depth-first search: a deep chain of gates cannot exhaust the stack.
    for (std::size_t start = 0; start < n; ++start) {
      if (state[start] != unseen) continue;
      std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
      state[start] = open;
      while (!stack.empty()) {
        auto& [gate, next] = stack.back();
        if (next == edges_[gate].size()) {
          state[gate] = done;
          stack.pop_back();
          continue;
        }
        const std::size_t to = edges_[gate][next++];
        if (state[to] == unseen) {
          state[to] = open;
          stack.emplace_back(to, 0);
        } else if (state[to] == open) {
          std::string path;
          bool on = false;
          for (const auto& [g, ignored] : stack) {
            if (g == to) on = true;
            if (on) path += definitions_.gates[g].name + " → ";
          }
          path += definitions_.gates[to].name;
          diagnostics_.error(definitions_.gates[to].where,
                             fmt::format("gates form a cycle: {}; expected a fault tree, where no "
                                         "gate depends on itself",
                                         path));
          return;
        }
      }
    }
  }

  const std::map<std::string, Definition, std::less<>>& index() const { return index_; }

 private:
  void formula(const MefFormula& f, std::vector<std::size_t>& edges) {
    if (is_reference(f)) {
      reference(f, edges);
      return;
    }
    std::map<std::string, SourceLocation> seen;
    for (const auto& argument : f.arguments) {
      formula(argument, edges);
      if (!is_reference(argument)) continue;
      if (auto [it, inserted] = seen.try_emplace(argument.name, argument.where); !inserted)
        diagnostics_.error(argument.where,
                           fmt::format("'{}' is an argument of this <{}> twice (also at {}); "
                                       "expected each argument once",
                                       argument.name, element_of(f), it->second.to_string()));
    }
  }

  void reference(const MefFormula& f, std::vector<std::size_t>& edges) {
    const auto it = index_.find(f.name);
    if (it == index_.end()) {
      // A hint looks at every name: the first kMaxHints get one, so a file
      // of many undefined references costs no more than a few hints.
      constexpr std::size_t kMaxHints = 20;
      const std::string hint = hints_++ < kMaxHints ? did_you_mean(f.name, names_) : "";
      diagnostics_.error(f.where, fmt::format("'{}' is not defined{}; expected the name of a "
                                              "define-gate or define-basic-event in the files read",
                                              f.name, hint));
      return;
    }
    const bool is_gate = it->second.is_gate;
    if ((f.kind == MefFormula::Kind::gate && !is_gate) ||
        (f.kind == MefFormula::Kind::basic_event && is_gate)) {
      const auto& where = is_gate ? definitions_.gates[it->second.index].where
                                  : definitions_.basic_events[it->second.index].where;
      diagnostics_.error(f.where,
                         fmt::format("<{}> names '{}', which is a {} (at {}); expected "
                                     "<{}> or <event>",
                                     element_of(f), f.name, is_gate ? "gate" : "basic event",
                                     where.to_string(), is_gate ? "gate" : "basic-event"));
      return;
    }
    if (is_gate) edges.push_back(it->second.index);
  }

  const MefDefinitions& definitions_;
  Diagnostics& diagnostics_;
  std::map<std::string, Definition, std::less<>> index_;
  std::vector<std::string_view> names_;
  std::vector<std::vector<std::size_t>> edges_;  ///< gate → the gates its formula names
  std::size_t hints_ = 0;                        ///< did-you-mean hints given so far
};

/// Turns the checked gates below the top into assets.
class Builder {
 public:
  Builder(const MefDefinitions& definitions,
          const std::map<std::string, Definition, std::less<>>& index)
      : definitions_(definitions), index_(index) {}

  ImportedFaultTree build(std::string_view top) {
    ImportedFaultTree tree;
    const Definition top_definition = index_.find(top)->second;
    tree.top = *mef_knelpunt_id(definitions_.gates[top_definition.index].name);
    std::vector<std::size_t> pending{top_definition.index};
    gates_seen_.insert(top_definition.index);
    while (!pending.empty()) {
      const std::size_t g = pending.back();
      pending.pop_back();
      const MefGate& gate = definitions_.gates[g];
      ImportedAsset asset;
      asset.id = *mef_knelpunt_id(gate.name);
      asset.is_virtual = true;
      asset.mef_name = gate.name;
      asset.depends_on = groups(gate.formula, asset.id, pending);
      gates_.push_back(std::move(asset));
    }
    std::sort(gates_.begin(), gates_.end(),
              [](const ImportedAsset& a, const ImportedAsset& b) { return a.id < b.id; });
    std::vector<ImportedAsset> events;
    for (auto b : events_seen_) {
      const MefBasicEvent& event = definitions_.basic_events[b];
      events.push_back({*mef_knelpunt_id(event.name), false, event.p, {}, event.name});
    }
    std::sort(events.begin(), events.end(),
              [](const ImportedAsset& a, const ImportedAsset& b) { return a.id < b.id; });
    tree.assets = std::move(gates_);
    for (auto& e : events) tree.assets.push_back(std::move(e));
    return tree;
  }

 private:
  /// The groups of an asset `id` whose failure is `f`.
  std::vector<ImportedGroup> groups(const MefFormula& f, const std::string& id,
                                    std::vector<std::size_t>& pending) {
    using Kind = MefFormula::Kind;
    std::vector<ImportedGroup> out;
    if (f.kind == Kind::constant_false) return out;  // never fails: no group can be lost
    if (is_reference(f)) {
      out.push_back({{atom(f, id, 1, pending)}, 1});
      return out;
    }
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < f.arguments.size(); ++i)
      ids.push_back(atom(f.arguments[i], id, i + 1, pending));
    if (f.kind == Kind::op_or) {
      for (auto& a : ids) out.push_back({{std::move(a)}, 1});
    } else {
      const auto m = static_cast<std::uint32_t>(ids.size());
      out.push_back({std::move(ids), f.kind == Kind::op_and ? 1 : m - f.min + 1});
    }
    return out;
  }

  /// The id that stands for argument `f` (position `position`) of the
  /// formula of `parent`: a referenced event, or a nested formula's own asset.
  std::string atom(const MefFormula& f, const std::string& parent, std::size_t position,
                   std::vector<std::size_t>& pending) {
    if (is_reference(f)) {
      const Definition d = index_.find(f.name)->second;
      if (d.is_gate) {
        if (gates_seen_.insert(d.index).second) pending.push_back(d.index);
        return *mef_knelpunt_id(definitions_.gates[d.index].name);
      }
      events_seen_.insert(d.index);
      return *mef_knelpunt_id(definitions_.basic_events[d.index].name);
    }
    ImportedAsset nested;
    nested.id = fmt::format("{}.{}", parent, position);
    nested.is_virtual = true;
    nested.depends_on = groups(f, nested.id, pending);
    const std::string id = nested.id;
    gates_.push_back(std::move(nested));
    return id;
  }

  const MefDefinitions& definitions_;
  const std::map<std::string, Definition, std::less<>>& index_;
  std::set<std::size_t> gates_seen_, events_seen_;
  std::vector<ImportedAsset> gates_;
};

}  // namespace

std::string mef_top_problem(const MefDefinitions& definitions, std::string_view top) {
  const auto index = index_definitions(definitions);
  const auto it = index.find(top);
  if (it == index.end()) {
    std::vector<std::string_view> gates;
    for (const auto& g : definitions.gates) gates.push_back(g.name);
    return fmt::format(
        "--top '{}' is not a gate of the files read{}; expected the name of a "
        "define-gate",
        top, did_you_mean(top, gates));
  }
  if (!it->second.is_gate)
    return fmt::format("--top '{}' is a basic event (at {}); expected the name of a define-gate",
                       top, definitions.basic_events[it->second.index].where.to_string());
  return "";
}

std::optional<ImportedFaultTree> import_mef_fault_tree(const MefDefinitions& definitions,
                                                       std::string_view top,
                                                       Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  Checker checker(definitions, diagnostics);
  checker.references();
  if (diagnostics.error_count() == errors_before) checker.cycles();
  if (diagnostics.error_count() != errors_before || !mef_top_problem(definitions, top).empty())
    return std::nullopt;
  return Builder(definitions, checker.index()).build(top);
}

}  // namespace knelpunt::model
