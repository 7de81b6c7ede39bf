#include "register/fault_tree_mef_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "model/duration.hpp"
#include "model/text_format.hpp"

namespace knelpunt::risk_register {

namespace {

using Formula = engine::FaultTreeFormula;
using Op = engine::FaultTreeFormula::Op;

/// MEF's identifier rule (the schema's `Identifier`): an XML NCName of parts
/// without '.' joined by single '-'. Asset ids (docs/model.md) are
/// [a-z0-9][a-z0-9._-]*, so only these cases can break it.
bool is_mef_identifier(std::string_view id) {
  if (id.empty() || (id.front() >= '0' && id.front() <= '9') || id.back() == '-') return false;
  if (id.find('.') != std::string_view::npos || id.find("--") != std::string_view::npos)
    return false;
  return true;
}

void write_formula(std::string& out, const Formula& formula,
                   const std::vector<std::string>& gate_names, const model::Model& model,
                   int depth) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  auto nested = [&](std::string_view open, std::string_view close) {
    out += indent + std::string(open) + "\n";
    for (const auto& input : formula.inputs)
      write_formula(out, input, gate_names, model, depth + 1);
    out += indent + std::string(close) + "\n";
  };
  switch (formula.op) {
    case Op::basic_event:
      out += indent + "<basic-event name=\"" + mef_name(model.assets[formula.index].id) + "\"/>\n";
      break;
    case Op::gate:
      out += indent + "<gate name=\"" + gate_names[formula.index] + "\"/>\n";
      break;
    case Op::constant_false:
      out += indent + "<constant value=\"false\"/>\n";
      break;
    case Op::any:
      nested("<or>", "</or>");
      break;
    case Op::all:
      nested("<and>", "</and>");
      break;
    case Op::at_least:
      nested(fmt::format("<atleast min=\"{}\">", formula.min), "</atleast>");
      break;
  }
}

}  // namespace

std::string mef_name(std::string_view id) {
  if (is_mef_identifier(id)) return std::string(id);
  std::string out;
  if (!id.empty() && id.front() >= '0' && id.front() <= '9') out += '_';
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (c == '_') {
      out += "__";
    } else if (c == '.') {
      out += "_p";
    } else if (c == '-' && ((i > 0 && id[i - 1] == '-') || i + 1 == id.size())) {
      out += "_m";
    } else {
      out += c;
    }
  }
  return out;
}

std::string mef_state_gate_name(std::string_view asset_id, model::Hours budget) {
  std::string hours = model::format_hours(budget);
  std::replace(hours.begin(), hours.end(), '.', 'p');
  return mef_name(asset_id) + "_within-" + hours;
}

std::string write_fault_tree_mef(const model::Model& model, const engine::FaultTree& tree,
                                 model::AssetIndex target, model::Hours horizon) {
  const auto& target_id = model.assets[target].id;
  // Gate names: the state a structural gate stands for; BDD gates numbered
  // in construction order (children first). Budgets that print alike (not
  // whole minutes) get a suffix so that names stay unique.
  std::vector<std::string> gate_names(tree.gates.size());
  std::set<std::string> used;
  for (std::size_t g = 0; g < tree.gates.size(); ++g) {
    const auto& gate = tree.gates[g];
    std::string name = g == tree.top || tree.form == engine::FaultTreeForm::structural
                           ? mef_state_gate_name(model.assets[gate.asset].id, gate.budget)
                           : fmt::format("{}_bdd-{}", mef_name(target_id), g + 1);
    if (used.contains(name)) {
      for (int suffix = 2;; ++suffix)
        if (!used.contains(name + "-v" + std::to_string(suffix))) {
          name += "-v" + std::to_string(suffix);
          break;
        }
    }
    used.insert(name);
    gate_names[g] = std::move(name);
  }
  std::vector<std::size_t> order(tree.gates.size());
  for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) {
    if ((a == tree.top) != (b == tree.top)) return a == tree.top;
    return gate_names[a] < gate_names[b];
  });

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opsa-mef>\n";
  out += "  <define-fault-tree name=\"" + mef_name(target_id) + "\">\n";
  out += "    <label>" + model::html_escape(target_id) + " fails within " +
         model::format_hours(horizon) + " (knelpunt, " +
         (tree.form == engine::FaultTreeForm::structural ? "structural" : "bdd") +
         " form)</label>\n";
  for (auto g : order) {
    const auto& gate = tree.gates[g];
    out += "    <define-gate name=\"" + gate_names[g] + "\">\n";
    write_formula(out, gate.formula, gate_names, model, 3);
    out += "    </define-gate>\n";
  }
  out += "  </define-fault-tree>\n  <model-data>\n";
  std::vector<model::AssetIndex> events = tree.basic_events;
  std::sort(events.begin(), events.end(), [&](auto a, auto b) {
    return mef_name(model.assets[a].id) < mef_name(model.assets[b].id);
  });
  for (auto a : events) {
    const auto& asset = model.assets[a];
    // Without p the event has no expression (decision 031): enough for cut sets.
    if (asset.name.empty() && !asset.p) {
      out += "    <define-basic-event name=\"" + mef_name(asset.id) + "\"/>\n";
      continue;
    }
    out += "    <define-basic-event name=\"" + mef_name(asset.id) + "\">\n";
    if (!asset.name.empty()) out += "      <label>" + model::html_escape(asset.name) + "</label>\n";
    if (asset.p) out += fmt::format("      <float value=\"{}\"/>\n", *asset.p);
    out += "    </define-basic-event>\n";
  }
  out += "  </model-data>\n</opsa-mef>\n";
  return out;
}

}  // namespace knelpunt::risk_register
