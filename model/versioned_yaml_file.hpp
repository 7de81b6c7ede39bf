#pragma once
/// Opening a YAML input whose top level is a mapping with a format version
/// (`knelpunt: 1` in a model, docs/model.md; `measures: 1`, docs/measures.md;
/// `profile: 1`, docs/assessors.md; `tracking: 1`, docs/register.md): read
/// the file (bounded, input_file.hpp), parse it, check that the root is a
/// mapping, report unknown top-level keys and check the version. One place,
/// so every such file is refused the same way. Catalogues
/// (docs/catalogs.md) share the opening but not the version rule: their
/// `version:` is a revision of the data, any whole number from 1.

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/input_file.hpp"
#include "model/yaml_document.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::model {

/// The format version key of a kind of file and the one version this build reads.
struct FormatVersion {
  std::string_view key;  ///< e.g. "measures"
  std::int64_t version = 1;
};

/// Checks the format version of mapping `root`: reports "missing format
/// version; expected 'KEY: 1' at the top" when the key is absent and
/// `required`, "unknown format version N; expected 'KEY: 1'" for another
/// number. Returns the version when it is the supported one.
std::optional<std::int64_t> check_format_version(YamlFields& fields, YamlNodeId root,
                                                 const FormatVersion& format, bool required = true);

/// A YAML input file opened: its document and how far opening got.
struct OpenedYamlFile {
  YamlDocument document;    ///< root() is kNoYamlNode when unreadable, empty or malformed
  bool read = false;        ///< the file could be read (it may still be empty or malformed)
  bool is_mapping = false;  ///< the root is a mapping: the caller reads its keys
};

/// Reads `path` (read_input_file with `kind`) and parses it as one YAML
/// document, reporting every problem in `diagnostics`, located in the file;
/// the root must be a mapping ("`what` is X; expected a mapping").
OpenedYamlFile open_yaml_file(const std::filesystem::path& path, const InputFileKind& kind,
                              std::string_view what, Diagnostics& diagnostics);

/// open_yaml_file, then reports top-level keys not in `allowed_keys` and
/// checks the format version (required).
OpenedYamlFile open_versioned_yaml_file(const std::filesystem::path& path,
                                        const InputFileKind& kind, std::string_view what,
                                        std::initializer_list<std::string_view> allowed_keys,
                                        const FormatVersion& format, Diagnostics& diagnostics);

}  // namespace knelpunt::model
