// Fuzz target: a YAML model file through the event-based reader and the
// model file reader. Any input must give diagnostics, never a crash or hang.
#include <cstdint>
#include <string_view>

#include "model/model_file_reader.hpp"
#include "model/yaml_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt::model;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const auto document = YamlDocument::parse(text, "fuzz.yaml", diagnostics);
  if (document.root() != kNoYamlNode) (void)read_model_file(document, true, diagnostics);
  return 0;
}
