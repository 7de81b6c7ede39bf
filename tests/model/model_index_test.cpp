// Model::find: the id index (model/model.hpp) against a plain scan.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "model/model.hpp"

using knelpunt::model::Asset;
using knelpunt::model::Model;

namespace {

/// The position of the first asset with `id`, by scanning: the reference.
std::optional<std::size_t> scan(const Model& model, std::string_view id) {
  for (std::size_t i = 0; i < model.assets.size(); ++i)
    if (model.assets[i].id == id) return i;
  return std::nullopt;
}

Asset asset(std::string id) {
  Asset a;
  a.id = std::move(id);
  return a;
}

}  // namespace

TEST_CASE("find answers as a scan does, for present and absent ids, at any size") {
  std::mt19937 random(7);
  for (std::size_t size : {0u, 1u, 2u, 7u, 8u, 9u, 100u, 5000u}) {
    Model model;
    for (std::size_t i = 0; i < size; ++i)
      model.assets.push_back(asset("a-" + std::to_string(random() % (3 * size + 1))));
    model.reindex();
    for (std::size_t probe = 0; probe < 3 * size + 3; ++probe) {
      const std::string id = "a-" + std::to_string(probe);
      CAPTURE(size);
      CAPTURE(id);
      CHECK(model.find(id) == scan(model, id));  // duplicates: the first
    }
    CHECK_FALSE(model.find("").has_value());
  }
}

TEST_CASE("an index not rebuilt after assets shrink never answers past the end") {
  Model model;
  for (int i = 0; i < 10; ++i) model.assets.push_back(asset("x" + std::to_string(i)));
  model.reindex();
  CHECK(model.find("x9") == std::optional<std::size_t>(9));
  model.assets.resize(5);
  CHECK_FALSE(model.find("x9").has_value());
  CHECK(model.find("x3") == std::optional<std::size_t>(3));
  model.reindex();
  CHECK_FALSE(model.find("x9").has_value());
}

TEST_CASE("a model without an index finds nothing") {
  Model model;
  model.assets.push_back(asset("a"));
  CHECK_FALSE(model.find("a").has_value());
  model.reindex();
  CHECK(model.find("a") == std::optional<std::size_t>(0));
}
