// The compact value holders of the model: SharedText, TextInterner, TextList, Boxed, ImpactBases,
// and the SharedTextMemo that looks a shared text up once per buffer.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/boxed.hpp"
#include "model/impact_bases.hpp"
#include "model/shared_text.hpp"
#include "model/shared_text_memo.hpp"
#include "model/text_interner.hpp"
#include "model/text_list.hpp"

using knelpunt::model::Boxed;
using knelpunt::model::ImpactBases;
using knelpunt::model::SharedText;
using knelpunt::model::TextInterner;
using knelpunt::model::TextList;

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

TEST_CASE("TextInterner: past many doublings, each distinct text has one buffer") {
  // 20 000 distinct ids asked for in three passes (the first interns them,
  // while the table doubles from 64 slots to 65 536), against a map of the
  // buffer each got first. Ids of one to eight characters differ in few
  // bits, and "" in between must stay empty and never count.
  TextInterner interner;
  std::vector<std::string> ids;
  for (int i = 0; i < 20000; ++i) ids.push_back("a" + std::to_string(i * 7919 % 100003));
  std::map<std::string, const std::string*> first;
  for (int pass = 0; pass < 3; ++pass)
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const SharedText text = interner.intern(ids[i]);
      REQUIRE(text.str() == ids[i]);
      const auto [at, added] = first.emplace(ids[i], &text.str());
      if (!added) CHECK(at->second == &text.str());
      if (i % 1000 == 0) CHECK(interner.intern("").empty());
    }
  CHECK(first.size() == 20000);
  CHECK(interner.size() == 20000);
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

TEST_CASE("TextList: in place up to two, on the heap beyond; copies, moves, erase and remove keep the texts") {
  TextList two{"b", "a"};
  CHECK(two.size() == 2);
  CHECK(two == std::vector<std::string>{"b", "a"});
  std::sort(two.begin(), two.end());
  CHECK(two == std::vector<std::string>{"a", "b"});

  // Past two the texts move to the heap, in order, and keep their buffers.
  const SharedText shared("hs-000003");
  TextList many{"x", shared};
  for (int i = 0; i < 7; ++i) many.push_back(SharedText("t" + std::to_string(i)));
  REQUIRE(many.size() == 9);
  CHECK(&many[1].str() == &shared.str());
  CHECK(many.front() == "x");
  CHECK(many.back() == "t6");

  // Copies and moves, of a list in place and of one on the heap, each way.
  for (const TextList& original : {two, many}) {
    const std::vector<std::string> texts = original.strings();
    TextList copy = original;
    CHECK(copy == original);
    TextList moved = std::move(copy);
    CHECK(moved == texts);
    CHECK(copy.empty());  // NOLINT: moved-from is empty by contract
    copy.push_back("again");  // usable after the move
    CHECK(copy == std::vector<std::string>{"again"});
    TextList assigned{"z"};
    assigned = moved;
    CHECK(assigned == texts);
    assigned = TextList{"p", "q", "r"};
    CHECK(assigned == std::vector<std::string>{"p", "q", "r"});
    assigned = std::move(moved);
    CHECK(assigned == texts);
    assigned = assigned;  // NOLINT: self-assignment keeps the texts
    CHECK(assigned == texts);
  }

  // erase keeps the order of the rest; remove takes every equal text.
  TextList list{"a", "b", "a", "c", "a"};
  CHECK(list.remove("a") == 3);
  CHECK(list == std::vector<std::string>{"b", "c"});
  CHECK(list.remove("zz") == 0);
  list.push_back("d");
  list.erase(list.begin(), list.begin() + 1);
  CHECK(list == std::vector<std::string>{"c", "d"});
  list.clear();
  CHECK(list.empty());
  CHECK(TextList{"a"} != TextList{"a", "b"});
  CHECK(TextList{"a", "b"} != TextList{"a", "c"});
  CHECK(TextList(std::vector<std::string>{"k", "l", "m"}).strings() == std::vector<std::string>{"k", "l", "m"});
}

TEST_CASE("SharedTextMemo: one lookup per buffer, the same answer for every copy") {
  std::vector<std::string> asked;
  knelpunt::model::SharedTextMemo memo([&](std::string_view text) {
    asked.emplace_back(text);
    return static_cast<std::uint32_t>(text.size());
  });
  const SharedText a("alpha"), a_copy = a, a_again("alpha"), empty;
  CHECK(memo(a) == 5);
  CHECK(memo(a_copy) == 5);  // same buffer: not asked again
  CHECK(asked == std::vector<std::string>{"alpha"});
  CHECK(memo(a_again) == 5);  // equal text, another buffer: asked
  CHECK(asked.size() == 2);
  CHECK(memo(empty) == 0);
  CHECK(memo(SharedText()) == 0);  // every empty text is one key
  CHECK(asked.size() == 3);

  // Past the first capacity (1 024 slots, grown at half full) every buffer
  // keeps its own answer, found without asking again.
  std::vector<SharedText> texts;
  for (int i = 0; i < 5000; ++i)
    texts.emplace_back(std::string(static_cast<std::size_t>(i % 97) + 1, 'x') + std::to_string(i));
  for (const auto& text : texts) CHECK(memo(text) == text.str().size());
  const std::size_t after_first_pass = asked.size();
  CHECK(after_first_pass == 3 + texts.size());
  bool all_same = true;
  for (const auto& text : texts) all_same = all_same && memo(text) == text.str().size();
  CHECK(all_same);
  CHECK(asked.size() == after_first_pass);
}
