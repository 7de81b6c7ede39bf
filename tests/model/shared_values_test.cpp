// The compact value holders of the model: SharedText, TextInterner, Boxed, ImpactBases.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/boxed.hpp"
#include "model/impact_bases.hpp"
#include "model/shared_text.hpp"
#include "model/text_interner.hpp"

using knelpunt::model::Boxed;
using knelpunt::model::ImpactBases;
using knelpunt::model::SharedText;
using knelpunt::model::TextInterner;

TEST_CASE("SharedText: copies share, assignment and moves keep the text, the empty text allocates nothing") {
  SharedText a("data/assets.csv");
  SharedText b = a;
  CHECK(b == a);
  CHECK(&b.str() == &a.str());  // one buffer
  SharedText c;
  CHECK(c.empty());
  c = b;
  a = SharedText("other");
  CHECK(a.str() == "other");
  CHECK(c.str() == "data/assets.csv");
  SharedText d = std::move(c);
  CHECK(c.empty());  // NOLINT: moved-from is empty by contract
  CHECK(d.str() == "data/assets.csv");
  d = d;  // NOLINT: self-assignment keeps the text
  CHECK(d.str() == "data/assets.csv");
  CHECK(SharedText("").empty());
  std::vector<SharedText> many(1000, d);
  many.clear();
  CHECK(d.str() == "data/assets.csv");  // the last copies released, the text stays
}

TEST_CASE("TextInterner: one shared text per distinct text") {
  TextInterner interner;
  const SharedText x = interner.intern("power.station-hv");
  const SharedText y = interner.intern(std::string("power.station-hv"));
  const SharedText z = interner.intern("drinkwater.productie");
  const SharedText w = interner.intern("power.station-hv");
  CHECK(&x.str() == &y.str());
  CHECK(&x.str() == &w.str());  // also after another text came between
  CHECK(z.str() == "drinkwater.productie");
  CHECK(interner.intern("").empty());
}

TEST_CASE("Boxed: reads the default until edited; copies are deep") {
  struct Profile {
    bool present = false;
    std::vector<std::string> controls;
  };
  Boxed<Profile> a;
  CHECK_FALSE(a->present);
  CHECK(a->controls.empty());
  a.edit().present = true;
  a.edit().controls.push_back("mfa");
  Boxed<Profile> b = a;
  b.edit().controls.push_back("segmentation");
  CHECK(a->controls == std::vector<std::string>{"mfa"});
  CHECK(b->controls == std::vector<std::string>{"mfa", "segmentation"});
  Boxed<Profile> c;
  c = b;
  CHECK((*c).controls.size() == 2);
  Boxed<Profile> empty;
  c = empty;  // copying an empty box empties it
  CHECK_FALSE(c->present);
}

TEST_CASE("ImpactBases: one amount per name, found by name, in name order") {
  ImpactBases bases;
  CHECK(bases.empty());
  CHECK(bases.find("population") == bases.end());
  bases["population"] = 1200;
  bases["beds"] = 300;
  bases["population"] += 34;  // the same entry, not a second one
  REQUIRE(bases.size() == 2);
  CHECK(bases.begin()->first == "beds");
  REQUIRE(bases.find("population") != bases.end());
  CHECK(bases.find("population")->second == 1234);
  CHECK(bases.find("beds")->second == 300);
  CHECK(bases.find("bed") == bases.end());
  ImpactBases same;
  same["beds"] = 300;
  same["population"] = 1234;
  CHECK(same == bases);
}

TEST_CASE("SharedText compares with std::string and std::string_view as its text does") {
  const SharedText kind("electricity");
  CHECK(kind == std::string("electricity"));
  CHECK((kind <=> std::string_view("telecom")) == std::strong_ordering::less);
  CHECK((kind <=> std::string("drinking-water")) == std::strong_ordering::greater);
  const std::string_view view = kind;
  CHECK(view == "electricity");
}
