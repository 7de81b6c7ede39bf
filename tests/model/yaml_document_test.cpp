#include <doctest/doctest.h>

#include <string>

#include "model/yaml_document.hpp"

using namespace knelpunt::model;

namespace {
YamlDocument parse(const std::string& text, Diagnostics& diagnostics) {
  return YamlDocument::parse(text, "test.yaml", diagnostics);
}
}  // namespace

TEST_CASE("a document keeps positions and scalar quoting") {
  Diagnostics diagnostics;
  auto document = parse("a: 1\nb: \"2\"\nc: [x, y]\n", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto root = document.root();
  REQUIRE(document.node(root).kind == YamlKind::mapping);
  const auto b = document.find(root, "b");
  CHECK(document.node(b).quoted);
  CHECK(document.node(b).value == "2");
  CHECK(document.node(b).line == 2);
  CHECK(document.node(b).column == 4);
  CHECK(document.node(document.find(root, "c")).children.size() == 2);
  CHECK(document.find(root, "missing") == kNoYamlNode);
}

TEST_CASE("duplicate keys are reported with both lines and the first value is kept") {
  Diagnostics diagnostics;
  auto document = parse("a: 1\nb: 2\na: 3\n", diagnostics);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].where.line == 3);
  CHECK(diagnostics.items()[0].message.find("first at line 1") != std::string::npos);
  CHECK(document.node(document.find(document.root(), "a")).value == "1");
}

TEST_CASE("aliases are shared, not copied") {
  Diagnostics diagnostics;
  auto document = parse("base: &b {x: 1}\nuse: *b\n", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(document.find(document.root(), "base") == document.find(document.root(), "use"));
}

TEST_CASE("an alias bomb is refused without expanding it") {
  std::string text = "l0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    text += "l" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  Diagnostics diagnostics;
  auto document = parse(text, diagnostics);
  CHECK(diagnostics.has_errors());
  CHECK(document.root() == kNoYamlNode);
  CHECK(diagnostics.items()[0].message.find("alias bomb") != std::string::npos);
}

TEST_CASE("a large document without aliases is no alias bomb") {
  // More nodes than the alias limit, all written out: only the file size bounds them.
  constexpr std::uint64_t limit = 1000;
  const std::size_t items = limit * 3;
  std::string text = "l: [";
  text.reserve(items * 2 + 8);
  for (std::size_t i = 0; i < items; ++i) text += i ? ",x" : "x";
  text += "]\n";
  Diagnostics diagnostics;
  auto document = YamlDocument::parse(text, "test.yaml", diagnostics, limit);
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(document.root() != kNoYamlNode);
  CHECK(document.node(document.find(document.root(), "l")).children.size() == items);
}

TEST_CASE("an alias that repeats a large block past the limit is refused at the alias") {
  // One block of 600 nodes: written once and used once fits 1000, used twice does not.
  constexpr std::uint64_t limit = 1000;
  const std::size_t items = 599;
  std::string text = "a: &big [";
  for (std::size_t i = 0; i < items; ++i) text += i ? ",x" : "x";
  text += "]\nb: *big\nc: *big\n";
  Diagnostics diagnostics;
  auto document = YamlDocument::parse(text, "test.yaml", diagnostics, limit);
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].where.line == 3);
  CHECK(diagnostics.items()[0].message.find("alias bomb") != std::string::npos);
  CHECK(document.root() == kNoYamlNode);
}

TEST_CASE("deep nesting, empty files, NUL bytes and bad UTF-8 are refused") {
  for (const std::string& text : {std::string(100000, '[') + std::string(100000, ']'), std::string("  \n\n"),
                                  std::string("a: 1\n\0b: 2\n", 11), std::string("a: caf\xe9\n"),
                                  std::string("a: [1, 2\n"), std::string("a: 1\n---\nb: 2\n")}) {
    Diagnostics diagnostics;
    auto document = parse(text, diagnostics);
    CHECK(diagnostics.has_errors());
  }
}
