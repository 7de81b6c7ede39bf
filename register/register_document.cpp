#include "register/register_document.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/bounded_json.hpp"

namespace knelpunt::risk_register {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormat = "knelpunt-register/1";

std::string type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "an unsupported value";
  }
}

/// Walks the document and records what does not fit, keeping going so that
/// one run reports every problem (up to the cap).
class Checker {
 public:
  explicit Checker(const std::string& file, model::Diagnostics& problems) : file_(file), problems_(problems) {}

  /// What is wrong with the value at `pointer` ("" for the whole document).
  void problem(std::string pointer, std::string what, std::string expected) {
    if (problems_.items().size() >= kMaxDocumentProblems) return;
    problems_.error({file_, 0, 0, std::move(pointer)}, fmt::format("{}; expected {}", what, expected));
  }

  /// The member `key` of `object`, or nullptr after reporting it missing.
  const Json* member(const Json& object, const std::string& pointer, const char* key, std::string_view expected) {
    auto it = object.find(key);
    if (it == object.end()) {
      problem(pointer + "/" + key, "missing", std::string(expected));
      return nullptr;
    }
    return &*it;
  }

  const Json* object_member(const Json& object, const std::string& pointer, const char* key) {
    const Json* value = member(object, pointer, key, "an object");
    if (value && !value->is_object()) {
      problem(pointer + "/" + key, fmt::format("is {}", type_name(*value)), "an object");
      return nullptr;
    }
    return value;
  }

  const Json* array_member(const Json& object, const std::string& pointer, const char* key, std::string_view of) {
    const Json* value = member(object, pointer, key, fmt::format("an array of {}", of));
    if (value && !value->is_array()) {
      problem(pointer + "/" + key, fmt::format("is {}", type_name(*value)), fmt::format("an array of {}", of));
      return nullptr;
    }
    return value;
  }

  /// A required string member; "" after reporting a problem.
  std::string string_member(const Json& object, const std::string& pointer, const char* key, bool non_empty = false) {
    const std::string expected = non_empty ? "a non-empty string" : "a string";
    const Json* value = member(object, pointer, key, expected);
    if (!value) return "";
    if (!value->is_string() || (non_empty && value->get_ref<const std::string&>().empty())) {
      problem(pointer + "/" + key, value->is_string() ? "is empty" : fmt::format("is {}", type_name(*value)),
              expected);
      return "";
    }
    return value->get<std::string>();
  }

  /// An optional text member: a string, or null / absent for "".
  std::string optional_string_member(const Json& object, const std::string& pointer, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return "";
    if (!it->is_string()) {
      problem(pointer + "/" + key, fmt::format("is {}", type_name(*it)), "a string or null");
      return "";
    }
    return it->get<std::string>();
  }

  std::vector<std::string> strings(const Json& array, const std::string& pointer) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array.size(); ++i) {
      if (!array[i].is_string()) {
        problem(fmt::format("{}/{}", pointer, i), fmt::format("is {}", type_name(array[i])), "a string");
        continue;
      }
      out.push_back(array[i].get<std::string>());
    }
    return out;
  }

  /// A class letter A–E member; with `nullable`, null gives "".
  std::string class_member(const Json& object, const std::string& pointer, const char* key, bool nullable) {
    const std::string expected = nullable ? "a class letter A–E or null" : "a class letter A–E";
    const Json* value = member(object, pointer, key, expected);
    if (!value) return "";
    if (nullable && value->is_null()) return "";
    if (value->is_string()) {
      const auto& text = value->get_ref<const std::string&>();
      if (text.size() == 1 && text[0] >= 'A' && text[0] <= 'E') return text;
      problem(pointer + "/" + key, fmt::format("is \"{}\"", text), expected);
      return "";
    }
    problem(pointer + "/" + key, fmt::format("is {}", type_name(*value)), expected);
    return "";
  }

 private:
  const std::string& file_;
  model::Diagnostics& problems_;
};

/// `assessor_options` (an object of objects, by assessor) and the
/// `horizons` each assessor used, into `settings`. A register written before
/// either was recorded has neither: nothing is then compared (decision 030).
void read_analysis_settings(const Json& root, Checker& check,
                            std::map<std::string, AnalysisSettings, std::less<>>& settings) {
  if (auto options = root.find("assessor_options"); options != root.end() && !options->is_null()) {
    if (!options->is_object()) {
      check.problem("/assessor_options", fmt::format("is {}", type_name(*options)),
                    "an object of option objects by assessor name");
    } else {
      for (const auto& [assessor, values] : options->items()) {
        if (!values.is_object()) {
          check.problem("/assessor_options/" + assessor, fmt::format("is {}", type_name(values)),
                        "an object of options and their values");
          continue;
        }
        auto& recorded = settings[assessor].options.emplace();
        for (const auto& [key, value] : values.items()) recorded.emplace(key, value.dump());
      }
    }
  }
  // `horizons` was written long before it was read: taken as far as it is
  // well formed, never a problem (it only refines the comparison).
  if (auto horizons = root.find("horizons"); horizons != root.end() && horizons->is_array())
    for (const auto& item : *horizons) {
      if (!item.is_object()) continue;
      auto assessor = item.find("assessor");
      auto hours = item.find("horizon_h");
      if (assessor == item.end() || !assessor->is_string() || hours == item.end() ||
          !(hours->is_number() || hours->is_null()))
        continue;
      settings[assessor->get<std::string>()].horizon_h = hours->dump();
    }
}

std::vector<RegisterLevel> read_levels(const Json& root, Checker& check) {
  std::vector<RegisterLevel> levels;
  const Json* method = check.object_member(root, "", "method");
  if (!method) return levels;
  const Json* diagram = check.object_member(*method, "/method", "risk_diagram");
  if (!diagram) return levels;
  const Json* items = check.array_member(*diagram, "/method/risk_diagram", "levels", "levels {id, name}");
  if (!items) return levels;
  if (items->empty()) check.problem("/method/risk_diagram/levels", "is empty", "at least one level");
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string pointer = fmt::format("/method/risk_diagram/levels/{}", i);
    const Json& item = (*items)[i];
    if (!item.is_object()) {
      check.problem(pointer, fmt::format("is {}", type_name(item)), "an object {id, name}");
      continue;
    }
    RegisterLevel level{check.string_member(item, pointer, "id", true), check.string_member(item, pointer, "name")};
    if (!level.id.empty() && !seen.insert(level.id).second)
      check.problem(pointer + "/id", fmt::format("repeats level '{}'", level.id), "a level id used once");
    levels.push_back(std::move(level));
  }
  return levels;
}

/// Sets the level's rank and name from the diagram's `levels`; a level that is
/// not one of them is a problem at `pointer`.
void rank_level(RegisterEntry& entry, const std::vector<RegisterLevel>& levels, const std::string& pointer,
                Checker& check) {
  auto it = std::find_if(levels.begin(), levels.end(), [&](const RegisterLevel& l) { return l.id == entry.level; });
  if (it != levels.end()) {
    entry.level_rank = static_cast<int>(it - levels.begin());
    entry.level_name = it->name;
  } else if (!entry.level.empty() && !levels.empty()) {
    std::string ids;
    for (const auto& l : levels) ids += (ids.empty() ? "" : ", ") + l.id;
    check.problem(pointer, fmt::format("is '{}', not a level of the risk diagram", entry.level),
                  fmt::format("one of {}", ids));
  }
}

/// `not_listed_entries`, when the register has them (older registers do not).
std::vector<RegisterEntry> read_not_listed(const Json& root, const std::vector<RegisterLevel>& levels,
                                           std::size_t max_problems, const model::Diagnostics& problems,
                                           Checker& check) {
  std::vector<RegisterEntry> entries;
  auto items = root.find("not_listed_entries");
  if (items == root.end()) return entries;
  if (!items->is_array()) {
    check.problem("/not_listed_entries", fmt::format("is {}", type_name(*items)), "an array of {id, level, replaces}");
    return entries;
  }
  for (std::size_t i = 0; i < items->size() && problems.items().size() < max_problems; ++i) {
    const std::string pointer = fmt::format("/not_listed_entries/{}", i);
    const Json& item = (*items)[i];
    if (!item.is_object()) {
      check.problem(pointer, fmt::format("is {}", type_name(item)), "an object {id, level, replaces}");
      continue;
    }
    RegisterEntry entry;
    entry.id = check.string_member(item, pointer, "id", true);
    entry.level = check.string_member(item, pointer, "level", true);
    rank_level(entry, levels, pointer + "/level", check);
    if (const Json* replaces = check.array_member(item, pointer, "replaces", "risk ids"))
      entry.replaces = check.strings(*replaces, pointer + "/replaces");
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return entries;
}

RegisterEntry read_risk(const Json& item, const std::string& pointer, const std::vector<RegisterLevel>& levels,
                        Checker& check) {
  RegisterEntry entry;
  entry.id = check.string_member(item, pointer, "id", true);
  entry.title = check.string_member(item, pointer, "title");
  entry.assessor = check.string_member(item, pointer, "assessor", true);
  entry.kind = check.string_member(item, pointer, "kind", true);
  if (auto analyses = item.find("analyses"); analyses != item.end() && !analyses->is_null()) {
    if (analyses->is_array())
      entry.analyses = check.strings(*analyses, pointer + "/analyses");
    else
      check.problem(pointer + "/analyses", fmt::format("is {}", type_name(*analyses)), "an array of assessor names");
  }
  if (entry.analyses.empty() && !entry.assessor.empty()) entry.analyses.push_back(entry.assessor);
  if (const Json* assets = check.array_member(item, pointer, "assets", "asset ids"))
    entry.assets = check.strings(*assets, pointer + "/assets");
  if (const Json* affected = check.array_member(item, pointer, "affected", "asset ids"))
    entry.affected = check.strings(*affected, pointer + "/affected").size();
  if (const Json* level = check.object_member(item, pointer, "level")) {
    entry.level = check.string_member(*level, pointer + "/level", "id", true);
    rank_level(entry, levels, pointer + "/level/id", check);
  }
  if (auto replaces = item.find("replaces"); replaces != item.end() && !replaces->is_null()) {
    if (replaces->is_array())
      entry.replaces = check.strings(*replaces, pointer + "/replaces");
    else
      check.problem(pointer + "/replaces", fmt::format("is {}", type_name(*replaces)), "an array of risk ids");
  }
  if (const Json* likelihood = check.object_member(item, pointer, "likelihood"))
    entry.likelihood = check.class_member(*likelihood, pointer + "/likelihood", "class", false);
  if (const Json* impact = check.object_member(item, pointer, "impact"))
    entry.impact = check.class_member(*impact, pointer + "/impact", "class", true);
  if (const Json* measures = check.array_member(item, pointer, "measures", "measures {id, name}")) {
    for (std::size_t m = 0; m < measures->size(); ++m) {
      const std::string measure_pointer = fmt::format("{}/measures/{}", pointer, m);
      const Json& measure = (*measures)[m];
      if (!measure.is_object()) {
        check.problem(measure_pointer, fmt::format("is {}", type_name(measure)), "an object {id, name}");
        continue;
      }
      entry.measures.push_back(check.string_member(measure, measure_pointer, "id", true));
    }
  }
  if (const Json* tracking = check.object_member(item, pointer, "tracking")) {
    entry.status = check.string_member(*tracking, pointer + "/tracking", "status", true);
    entry.owner = check.optional_string_member(*tracking, pointer + "/tracking", "owner");
  }
  return entry;
}

/// Keeps of a risk only what read_risk reads, as the parser completes it
/// (docs/security.md: a 100 000-entry register is never held whole), and
/// packs that as compact text. Whatever is kept is kept as it is, so
/// read_risk reports the same problems.
void trim_risk(std::string_view member, Json& risk) {
  if (member != "risks" || !risk.is_object()) return;
  static const std::set<std::string, std::less<>> kRead = {
      "id",     "title",       "assessor", "kind",   "analyses", "assets",  "affected",
      "level",  "replaces",    "likelihood", "impact", "measures", "tracking"};
  for (auto it = risk.begin(); it != risk.end();)
    it = kRead.contains(it.key()) ? std::next(it) : risk.erase(it);
  // Of these objects read_risk reads one or two members; an impact holds its criteria and their bases.
  auto keep_only = [&](const char* key, std::initializer_list<std::string_view> kept) {
    auto found = risk.find(key);
    if (found == risk.end() || !found->is_object()) return;
    for (auto it = found->begin(); it != found->end();)
      it = std::find(kept.begin(), kept.end(), it.key()) != kept.end() ? std::next(it) : found->erase(it);
  };
  keep_only("impact", {"class"});
  keep_only("likelihood", {"class"});
  keep_only("level", {"id"});
  keep_only("tracking", {"status", "owner"});
  // Held as its compact text until read: a tree of small values costs
  // several times its text, and 100 000 risks are read one at a time. A
  // binary value cannot come from JSON text, so it marks a risk packed here.
  const std::string compact = risk.dump();
  risk = Json::binary(std::vector<std::uint8_t>(compact.begin(), compact.end()));
}

/// A risk as trim_risk packed it, unpacked into `unpacked`; else `item` itself.
const Json& unpacked_risk(const Json& item, Json& unpacked) {
  if (!item.is_binary()) return item;
  const auto& bytes = item.get_binary();
  unpacked = Json::parse(bytes.begin(), bytes.end(), nullptr, false);  // our own dump: always valid
  return unpacked;
}

}  // namespace

RegisterDocumentResult read_register_document(std::string_view json_text, const std::string& file_name) {
  RegisterDocumentResult result;
  const std::string expected_register = "a register written by `knelpunt assess --format json`";
  // Bounded depth and finite numbers (docs/security.md): a register nests
  // about six deep, and a hostile file must not exhaust the stack or memory.
  auto parsed = model::parse_bounded_json(json_text, trim_risk);
  if (!parsed.value) {
    result.problems.error({file_name, static_cast<std::uint32_t>(parsed.line), static_cast<std::uint32_t>(parsed.column)},
                          fmt::format("not valid JSON ({}); expected {}", parsed.error, expected_register));
    return result;
  }
  const Json root = std::move(*parsed.value);

  Checker check(file_name, result.problems);
  if (!root.is_object()) {
    check.problem("", fmt::format("the document is {}", type_name(root)),
                  "a JSON object with \"format\": \"knelpunt-register/1\"");
    return result;
  }
  // Without the right format marker nothing else is worth checking: it is
  // another kind of file, or another version of the register.
  auto format = root.find("format");
  if (format == root.end()) {
    check.problem("/format", "missing: this is not a knelpunt register", "\"format\": \"knelpunt-register/1\"");
    return result;
  }
  if (!format->is_string() || format->get_ref<const std::string&>() != kFormat) {
    // Quote a wrong string (cut short: it is shown in a terminal); name the type of anything else.
    std::string what = format->is_string() ? "is \"" + format->get<std::string>().substr(0, 60) + "\""
                                           : "is " + type_name(*format);
    check.problem("/format", std::move(what), "\"knelpunt-register/1\"");
    return result;
  }

  RegisterDocument document;
  document.file = file_name;
  document.lang = check.optional_string_member(root, "", "lang");
  if (document.lang.empty()) document.lang = "nl";
  document.date = check.optional_string_member(root, "", "date");
  if (auto model = root.find("model"); model != root.end() && model->is_object())
    document.model_name = check.optional_string_member(*model, "/model", "name");
  document.levels = read_levels(root, check);
  if (auto assessors = root.find("assessors"); assessors != root.end() && !assessors->is_null()) {
    if (assessors->is_array()) {
      auto names = check.strings(*assessors, "/assessors");
      std::sort(names.begin(), names.end());
      document.assessors = std::move(names);
    } else {
      check.problem("/assessors", fmt::format("is {}", type_name(*assessors)), "an array of assessor names");
    }
  }
  read_analysis_settings(root, check, document.analysis_settings);
  if (const Json* risks = check.array_member(root, "", "risks", "risks")) {
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < risks->size() && result.problems.items().size() < kMaxDocumentProblems; ++i) {
      const std::string pointer = fmt::format("/risks/{}", i);
      Json unpacked;
      const Json& item = unpacked_risk((*risks)[i], unpacked);
      if (!item.is_object()) {
        check.problem(pointer, fmt::format("is {}", type_name(item)), "a risk object");
        continue;
      }
      RegisterEntry entry = read_risk(item, pointer, document.levels, check);
      if (!entry.id.empty() && !seen.insert(entry.id).second)
        check.problem(pointer + "/id", fmt::format("repeats risk id '{}'", entry.id), "every risk id once");
      document.risks.push_back(std::move(entry));
    }
  }
  document.not_listed = read_not_listed(root, document.levels, kMaxDocumentProblems, result.problems, check);
  if (!result.problems.has_errors()) result.document = std::move(document);
  return result;
}

}  // namespace knelpunt::risk_register
