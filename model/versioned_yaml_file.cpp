#include "model/versioned_yaml_file.hpp"

#include <fmt/format.h>

namespace knelpunt::model {

std::optional<std::int64_t> check_format_version(YamlFields& fields, YamlNodeId root,
                                                 const FormatVersion& format, bool required) {
  const YamlNodeId node = fields.document().find(root, format.key);
  if (node == kNoYamlNode) {
    if (required)
      fields.error(root, fmt::format("missing format version; expected '{}: {}' at the top",
                                     format.key, format.version));
    return std::nullopt;
  }
  const auto value = fields.integer(node, fmt::format("the format version '{}'", format.key));
  if (!value) return std::nullopt;
  if (*value != format.version) {
    fields.error(node, fmt::format("unknown format version {}; expected '{}: {}'", *value,
                                   format.key, format.version));
    return std::nullopt;
  }
  return value;
}

OpenedYamlFile open_yaml_file(const std::filesystem::path& path, const InputFileKind& kind,
                              std::string_view what, Diagnostics& diagnostics) {
  OpenedYamlFile opened;
  auto input = read_input_file(path, kind);
  if (!input.text) {
    diagnostics.add(std::move(input.problem));
    return opened;
  }
  opened.read = true;
  opened.document = YamlDocument::parse(*input.text, path.string(), diagnostics);
  const YamlNodeId root = opened.document.root();
  if (root == kNoYamlNode) return opened;
  YamlFields fields(opened.document, diagnostics);
  opened.is_mapping = fields.expect_mapping(root, what);
  return opened;
}

OpenedYamlFile open_versioned_yaml_file(const std::filesystem::path& path,
                                        const InputFileKind& kind, std::string_view what,
                                        std::initializer_list<std::string_view> allowed_keys,
                                        const FormatVersion& format, Diagnostics& diagnostics) {
  auto opened = open_yaml_file(path, kind, what, diagnostics);
  if (!opened.is_mapping) return opened;
  YamlFields fields(opened.document, diagnostics);
  fields.check_keys(opened.document.root(), what, allowed_keys);
  check_format_version(fields, opened.document.root(), format);
  return opened;
}

}  // namespace knelpunt::model
