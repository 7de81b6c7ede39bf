// The Excel register read back (register/zip_archive, xlsx_workbook,
// tracking_workbook): the writer's own workbook, the hand-built workbooks of
// tests/data/workbooks (tests/cli/xlsx_workbooks.py makes them), and hostile ones.
#include "register/tracking_workbook.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "register/level_colours.hpp"
#include "register/register_fixture.hpp"
#include "register/register_xlsx_writer.hpp"
#include "register/xlsx_workbook.hpp"
#include "register/zip_archive.hpp"
#include "temporary_directory.hpp"

using namespace knelpunt;
using namespace knelpunt::risk_register;

namespace {

std::string fixture_workbook(const std::string& name) {
  std::ifstream in(std::string(KNELPUNT_TEST_DATA) + "/workbooks/" + name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string messages(const model::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += d.to_string() + "\n";
  return out;
}

}  // namespace

TEST_CASE("xlsx reader: the writer's workbook reads back with its tracking, in both languages") {
  auto reg = test::fixture_register();
  for (const char* lang : {"nl", "en"}) {
    const std::string bytes = register_to_xlsx(reg, lang, nullptr);
    CHECK(bytes == register_to_xlsx(reg, lang, nullptr));  // same register, same bytes
    model::Diagnostics diagnostics;
    const auto entries = read_tracking_workbook(bytes, "r.xlsx", diagnostics);
    INFO(messages(diagnostics));
    CHECK_FALSE(diagnostics.has_errors());
    REQUIRE(entries.size() == reg.risks.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      CHECK(entries[i].key == reg.risks[i].id);
      CHECK(entries[i].tracking.status == reg.risks[i].tracking.status);
      CHECK(entries[i].tracking.owner == reg.risks[i].tracking.owner);
      CHECK(entries[i].tracking.justification == reg.risks[i].tracking.justification);
      CHECK(entries[i].tracking.date == reg.risks[i].tracking.date);
      CHECK(entries[i].tracking.checked_by == reg.risks[i].tracking.checked_by);
      CHECK(entries[i].where.file == "r.xlsx!Register!A" + std::to_string(i + 2));
    }
  }
}

TEST_CASE(
    "xlsx reader: columns found by header name, shared and inline strings, date serials and text "
    "dates") {
  model::Diagnostics diagnostics;
  const auto entries = read_tracking_workbook(fixture_workbook("ok.xlsx"), "ok.xlsx", diagnostics);
  INFO(messages(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].key == "KP-SPOF-3f2a9c");
  CHECK(entries[0].where.file == "ok.xlsx!Register!C2");
  CHECK(entries[0].tracking.status == "accepted");  // "geaccepteerd" in the sheet
  CHECK(entries[0].tracking.owner == "Netbeheerder");
  CHECK(entries[0].tracking.justification == "Noodstroom besteld; \"fase 2\"\nzie memo");
  CHECK(entries[0].tracking.date == "2026-11-01");  // serial 46327
  CHECK(entries[0].tracking.checked_by == "J. de Vries");
  CHECK(entries[1].tracking.status == "in-treatment");
  CHECK(entries[1].tracking.date == "2026-11-01");   // text
  CHECK(entries[2].tracking.status == "unchecked");  // empty status
}

TEST_CASE("xlsx reader: hostile and wrong workbooks are refused with a location") {
  struct Case {
    const char* file;
    const char* location;
    const char* message;
  };
  const Case cases[] = {
      {"bad-zip.xlsx", "bad-zip.xlsx", "is not a zip archive"},
      {"doctype.xlsx", "doctype.xlsx", "document type declaration"},
      {"huge-declared-size.xlsx", "huge-declared-size.xlsx",
       "of 4294967280 bytes uncompressed; expected at most"},
      {"missing-sheet.xlsx", "missing-sheet.xlsx", "has no sheet 'Register'"},
      {"wrong-header.xlsx", "wrong-header.xlsx!Register!A1", "has no 'status' column"},
      {"unknown-status.xlsx", "unknown-status.xlsx!Register!C2",
       "unknown status 'acepted' (did you mean 'accepted'?)"},
      {"invalid-date.xlsx", "invalid-date.xlsx!Register!F2", "is not a day of the calendar"},
      {"duplicate-id.xlsx", "duplicate-id.xlsx!Register!A3", "appears again"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    model::Diagnostics diagnostics;
    (void)read_tracking_workbook(fixture_workbook(c.file), c.file, diagnostics);
    REQUIRE(diagnostics.has_errors());
    const auto& first = diagnostics.items().front();
    CHECK(first.where.file == c.location);
    CHECK(first.message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("xlsx reader: invalid dates, each at its cell") {
  model::Diagnostics diagnostics;
  (void)read_tracking_workbook(fixture_workbook("invalid-date.xlsx"), "d.xlsx", diagnostics);
  REQUIRE(diagnostics.error_count() == 4);
  CHECK(diagnostics.items()[1].where.file ==
        "d.xlsx!Register!F3");  // serial 60: Excel's 1900-02-29
  CHECK(diagnostics.items()[2].where.file == "d.xlsx!Register!F4");  // negative
  CHECK(diagnostics.items()[3].message.find("malformed") != std::string::npos);
}

TEST_CASE("xlsx reader: zip archives that are not workbooks") {
  CHECK_FALSE(ZipArchive("").open_problem().empty());
  CHECK_FALSE(ZipArchive("PK\x05\x06").open_problem().empty());
  ZipArchive truncated(fixture_workbook("ok.xlsx").substr(0, 200));
  CHECK_FALSE(truncated.open_problem().empty());
  CHECK_FALSE(truncated.read("xl/workbook.xml").bytes);
  const std::string good = fixture_workbook("ok.xlsx");
  ZipArchive archive(good);
  CHECK(archive.open_problem().empty());
  CHECK(archive.contains("xl/workbook.xml"));
  CHECK(archive.read("xl/workbook.xml").bytes);
  const auto missing = archive.read("xl/nothing.xml");
  CHECK_FALSE(missing.bytes);
  CHECK(missing.problem == "has no entry 'xl/nothing.xml'");
  // A flipped byte in a compressed entry: inflating or the CRC fails.
  std::string damaged = good;
  const auto at = damaged.find("xl/worksheets/sheet1.xml");
  REQUIRE(at != std::string::npos);
  damaged[at + 24 + 10] = static_cast<char>(damaged[at + 24 + 10] ^ 0x55);
  const auto read = read_xlsx_sheet(damaged, "Register");
  CHECK_FALSE(read.sheet);
  CHECK(read.problem.find("damaged") != std::string::npos);
}

TEST_CASE("xlsx dates: serials of the 1900 and 1904 systems") {
  CHECK(xlsx_date_from_serial(1, false) == "1900-01-01");
  CHECK(xlsx_date_from_serial(59, false) == "1900-02-28");
  CHECK_FALSE(xlsx_date_from_serial(60, false));  // 1900-02-29 never was
  CHECK(xlsx_date_from_serial(61, false) == "1900-03-01");
  CHECK(xlsx_date_from_serial(46327, false) == "2026-11-01");
  CHECK(xlsx_date_from_serial(46327.75, false) == "2026-11-01");  // a time of day is dropped
  CHECK(xlsx_date_from_serial(2958465, false) == "9999-12-31");
  CHECK_FALSE(xlsx_date_from_serial(2958466, false));
  CHECK_FALSE(xlsx_date_from_serial(0, false));
  CHECK_FALSE(xlsx_date_from_serial(-1, false));
  CHECK(xlsx_date_from_serial(0, true) == "1904-01-01");
  CHECK(xlsx_date_from_serial(44865, true) == "2026-11-01");
  CHECK(xlsx_cell_reference(12, 6) == "F12");
  CHECK(xlsx_cell_reference(1, 27) == "AA1");
  CHECK(xlsx_column_letters(16384) == "XFD");
}

TEST_CASE("level colours: a light-to-dark ramp, the two darkest with white text") {
  CHECK(level_fill(0, 4) == "#fef0d9");
  CHECK(level_fill(3, 4) == "#b30000");
  CHECK(level_fill(0, 5) == "#fef0d9");
  CHECK(level_fill(4, 5) == "#b30000");
  CHECK(level_ink(3, 4) == "#ffffff");
  CHECK(level_ink(0, 4) == "#1a1a1a");
  CHECK(level_fill(-1, 4) == "#ffffff");
  CHECK(level_fill(4, 4) == "#ffffff");
}

TEST_CASE("tracking file text: read back as written, every text quoted") {
  TrackingEntry entry;
  entry.key = "KP-CTRL-*";
  entry.tracking.status = "accepted";
  entry.tracking.owner = "Team \"OT\": noord\\zuid";
  entry.tracking.justification = "regel 1\nregel 2\t# geen commentaar";
  entry.tracking.date = "2026-11-01";
  const std::string text = tracking_file_text({entry}, "kop");
  CHECK(text.rfind("# kop\ntracking: 1\nrisks:\n", 0) == 0);
  CHECK(text.find("owner: \"Team \\\"OT\\\": noord\\\\zuid\"") != std::string::npos);
  CHECK(tracking_file_text({}, "kop").find("risks: {}") != std::string::npos);
  const testing::TemporaryDirectory directory("tracking-text");
  const auto file = directory.path / "tracking.yaml";
  testing::write_file(file, text);
  model::Diagnostics diagnostics;
  const auto read = read_tracking_file(file, diagnostics);
  INFO(messages(diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  REQUIRE(read.entries.size() == 1);
  CHECK(read.entries[0].key == entry.key);
  CHECK(read.entries[0].tracking.owner == entry.tracking.owner);
  CHECK(read.entries[0].tracking.justification == entry.tracking.justification);
  CHECK(read.entries[0].tracking.date == entry.tracking.date);
}
