#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/parallel_for.hpp"
#include "engine/progress.hpp"
#include "engine/reach.hpp"
#include "property/random_dependency_graph.hpp"

using namespace knelpunt;

namespace {

struct Heard {
  std::string step;
  std::uint64_t done;
  std::uint64_t total;
};

}  // namespace

TEST_CASE("ProgressCounter: starts at 0, reports every `every` units and always the last, never beyond total") {
  std::vector<Heard> heard;
  const engine::StepProgress progress = [&](std::string_view step, std::uint64_t done, std::uint64_t total) {
    heard.push_back({std::string(step), done, total});
  };
  {
    engine::ProgressCounter counter(progress, "step", 10, 4);
    for (int i = 0; i < 10; ++i) counter.advance();
    counter.advance();  // past the total: nothing more
  }
  std::vector<std::uint64_t> done;
  for (const auto& h : heard) {
    CHECK(h.step == "step");
    CHECK(h.total == 10);
    done.push_back(h.done);
  }
  CHECK(done == std::vector<std::uint64_t>{0, 4, 8, 10});
}

TEST_CASE("ProgressCounter: without a callback it counts nothing and calls nothing") {
  const engine::StepProgress none;
  engine::ProgressCounter counter(none, "step", 3);
  counter.advance(5);  // would be past the total; must simply do nothing
}

TEST_CASE("ProgressCounter: advanced from several threads, the calls are serialised and end at the total") {
  std::uint64_t last = 0, calls = 0;
  bool decreasing = false;
  int inside = 0, overlapping = 0;
  const engine::StepProgress progress = [&](std::string_view, std::uint64_t done, std::uint64_t) {
    if (++inside > 1) ++overlapping;
    if (done < last) decreasing = true;
    last = done;
    ++calls;
    --inside;
  };
  engine::ProgressCounter counter(progress, "step", 5000);
  engine::parallel_for(5000, 4, [&](std::size_t) { counter.advance(); });
  CHECK(last == 5000);
  CHECK(calls == 5001);
  CHECK(!decreasing);
  CHECK(overlapping == 0);
}

TEST_CASE("compute_reach: progress counts every asset of the range and leaves the result unchanged") {
  const auto graph = testing::random_dependency_graph(11);
  std::uint64_t last = 0, total = 0;
  const engine::StepProgress progress = [&](std::string_view step, std::uint64_t done, std::uint64_t of) {
    CHECK(step == "reach");
    last = done;
    total = of;
  };
  const auto with = engine::compute_reach(graph, nullptr, model::kNever, 2, progress);
  const auto without = engine::compute_reach(graph, nullptr, model::kNever, 2);
  CHECK(total == graph.asset_count());
  CHECK(last == graph.asset_count());
  REQUIRE(with.size() == without.size());
  for (std::size_t i = 0; i < with.size(); ++i) {
    CHECK(with[i].asset == without[i].asset);
    CHECK(with[i].reach == without[i].reach);
  }
}
