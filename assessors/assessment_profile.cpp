#include "assessors/assessment_profile.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/suggest.hpp"
#include "model/versioned_yaml_file.hpp"
#include "model/yaml_document.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::assessors {

const AssessorSettings* AssessmentProfile::find(std::string_view assessor) const {
  for (const auto& settings : assessors)
    if (settings.name == assessor) return &settings;
  return nullptr;
}

namespace {

std::optional<model::Hours> read_horizon(model::YamlFields& fields, model::YamlNodeId node) {
  auto text = fields.string(node, "'horizon'");
  if (!text) return std::nullopt;
  auto hours = model::parse_duration(*text, false);
  if (!hours) fields.error(node, fmt::format("horizon '{}' is malformed; expected a finite duration such as 72h or 3d", *text));
  return hours;
}

/// The optional `scoring` and `limits` sections.
void read_scoring_and_limits(const model::YamlDocument& document, model::YamlFields& fields, model::YamlNodeId root,
                             AssessmentProfile& profile) {
  if (auto scoring = document.find(root, "scoring"); scoring != model::kNoYamlNode && fields.expect_mapping(scoring, "'scoring'")) {
    fields.check_keys(scoring, "'scoring'", {"matrix"});
    if (auto matrix = document.find(scoring, "matrix"); matrix != model::kNoYamlNode)
      if (auto id = fields.string(matrix, "'scoring.matrix'")) profile.risk_diagram = *id;
  }

  if (auto limits = document.find(root, "limits");
      limits != model::kNoYamlNode && fields.expect_mapping(limits, "'limits'")) {
    fields.check_keys(limits, "'limits'", {"chain_steps"});
    if (auto steps = document.find(limits, "chain_steps"); steps != model::kNoYamlNode) {
      if (auto n = fields.integer(steps, "'limits.chain_steps'"); n && *n >= 1)
        profile.max_chain_steps = static_cast<std::size_t>(*n);
      else if (n)
        fields.error(
            steps,
            fmt::format("limits.chain_steps is {}; expected a whole number of at least 1", *n));
    }
  }
}

/// The optional `register` section: which entries the register lists.
void read_register_selection(const model::YamlDocument& document, model::YamlFields& fields, model::YamlNodeId root,
                             AssessmentProfile& profile) {
  const auto section = document.find(root, "register");
  if (section == model::kNoYamlNode || !fields.expect_mapping(section, "'register'")) return;
  fields.check_keys(section, "'register'", {"min_level", "max_entries"});
  if (auto level = document.find(section, "min_level"); level != model::kNoYamlNode)
    if (auto name = fields.string(level, "'register.min_level'")) {
      profile.register_min_level = *name;
      profile.register_min_level_where = fields.where(level);
    }
  if (auto entries = document.find(section, "max_entries"); entries != model::kNoYamlNode) {
    if (auto n = fields.integer(entries, "'register.max_entries'"); n && *n >= 1)
      profile.register_max_entries = static_cast<std::size_t>(*n);
    else if (n)
      fields.error(entries, fmt::format("register.max_entries is {}; expected a whole number of at least 1", *n));
  }
}

/// The `assessors` mapping: each known assessor with its options and its own horizon.
void read_assessors(const model::YamlDocument& document, model::YamlFields& fields, model::YamlNodeId assessors,
                    const std::vector<std::string>& known_assessors, AssessmentProfile& profile) {
  std::vector<std::string_view> names(known_assessors.begin(), known_assessors.end());
  for (const auto& [key, value] : fields.entries(assessors)) {
    const std::string& name = document.node(key).value;
    if (std::find(known_assessors.begin(), known_assessors.end(), name) == known_assessors.end()) {
      fields.error(key, fmt::format("unknown assessor '{}'{}; expected one of {}", name, model::did_you_mean(name, names),
                                    fmt::join(known_assessors, ", ")));
      continue;
    }
    AssessorSettings settings;
    settings.name = name;
    settings.where = fields.where(value);
    const auto kind = document.node(value).kind;
    if (kind == model::YamlKind::mapping) {
      for (const auto& [option, option_value] : fields.entries(value)) {
        if (document.node(option).value == "horizon") {
          settings.horizon = read_horizon(fields, option_value);
          settings.horizon_where = fields.where(option_value);
        } else
          settings.options[document.node(option).value] = catalogs::yaml_to_json(document, option_value);
      }
    } else if (kind != model::YamlKind::null) {
      fields.error(value, fmt::format("the options of assessor '{}' are a {}; expected a mapping such as {{}}", name,
                                      model::describe(kind)));
      continue;
    }
    profile.assessors.push_back(std::move(settings));
  }
}

/// The optional `likelihood` section: the source of structural likelihoods.
void read_likelihood_source(const model::YamlDocument& document, model::YamlFields& fields,
                            model::YamlNodeId root, AssessmentProfile& profile) {
  const auto section = document.find(root, "likelihood");
  if (section == model::kNoYamlNode || !fields.expect_mapping(section, "'likelihood'")) return;
  fields.check_keys(section, "'likelihood'", {"source", "runs", "seed"});
  const auto source = document.find(section, "source");
  std::string name = "p";
  if (source != model::kNoYamlNode)
    name = fields.string(source, "'likelihood.source'").value_or("p");
  if (name != "p" && name != "simulate") {
    fields.error(source,
                 fmt::format("likelihood.source '{}' is unknown; expected p or simulate", name));
    return;
  }
  const auto runs = document.find(section, "runs");
  const auto seed = document.find(section, "seed");
  if (name == "p") {
    for (const auto node : {runs, seed})
      if (node != model::kNoYamlNode)
        fields.error(
            node,
            "'runs' and 'seed' belong to likelihood.source simulate; expected source: simulate "
            "or neither");
    return;
  }
  SimulatedLikelihood simulated;
  simulated.where = fields.where(source);
  if (runs != model::kNoYamlNode) {
    const auto n = fields.integer(runs, "'likelihood.runs'");
    if (n && *n >= 1 && static_cast<std::uint64_t>(*n) <= kMaxLikelihoodRuns)
      simulated.runs = static_cast<std::uint64_t>(*n);
    else if (n)
      fields.error(runs, fmt::format("likelihood.runs is {}; expected a whole number from 1 to {}",
                                     *n, kMaxLikelihoodRuns));
  }
  if (seed != model::kNoYamlNode) {
    const auto n = fields.integer(seed, "'likelihood.seed'");
    if (n && *n >= 0)
      simulated.seed = static_cast<std::uint64_t>(*n);
    else if (n)
      fields.error(seed,
                   fmt::format("likelihood.seed is {}; expected a whole number of at least 0", *n));
  }
  profile.simulated_likelihood = simulated;
}

}  // namespace

AssessmentProfile read_assessment_profile(const std::filesystem::path& file, const std::vector<std::string>& known_assessors,
                                          model::Diagnostics& diagnostics) {
  AssessmentProfile profile;
  profile.name = file.filename().string();
  const auto opened = model::open_versioned_yaml_file(
      file, {"the profile", "a readable YAML file", model::InputLimit::yaml}, "the profile",
      {"profile", "horizon", "horizons", "assessors", "scoring", "limits", "register",
       "likelihood"},
      {"profile", 1}, diagnostics);
  if (!opened.is_mapping) return profile;
  const auto& document = opened.document;
  model::YamlFields fields(document, diagnostics);
  const auto root = document.root();

  if (auto node = document.find(root, "horizon"); node != model::kNoYamlNode) {
    profile.horizon = read_horizon(fields, node);
    profile.horizon_where = fields.where(node);
  }
  if (auto node = document.find(root, "horizons"); node != model::kNoYamlNode && fields.expect_mapping(node, "'horizons'")) {
    for (const auto& [key, value] : fields.entries(node)) {
      auto hours = read_horizon(fields, value);
      if (hours) profile.process_horizons.push_back({document.node(key).value, *hours, fields.where(value)});
    }
    std::sort(profile.process_horizons.begin(), profile.process_horizons.end(),
              [](const auto& a, const auto& b) { return a.process < b.process; });
  }
  read_scoring_and_limits(document, fields, root, profile);
  read_register_selection(document, fields, root, profile);
  read_likelihood_source(document, fields, root, profile);

  const auto assessors = document.find(root, "assessors");
  if (assessors == model::kNoYamlNode) {
    fields.error(root, "the profile has no 'assessors'; expected a mapping of assessor names to their options");
    return profile;
  }
  if (!fields.expect_mapping(assessors, "'assessors'")) return profile;
  read_assessors(document, fields, assessors, known_assessors, profile);
  return profile;
}

}  // namespace knelpunt::assessors
