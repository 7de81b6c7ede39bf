#include <doctest/doctest.h>

#include <set>

#include "register/register_fixture.hpp"
#include "register/register_formats.hpp"
#include "register/register_html_writer.hpp"
#include "register/register_json_writer.hpp"
#include "register/register_markdown_writer.hpp"

using namespace knelpunt::risk_register;

TEST_CASE("format table: assess and diff take their choices from it, in table order") {
  CHECK(register_format_ids() == std::vector<std::string>{"json", "csv", "md", "html", "xlsx"});
  CHECK(diff_format_ids() == std::vector<std::string>{"text", "json", "md"});
  std::set<std::string_view> ids;
  for (const auto& format : output_formats()) {
    CHECK(ids.insert(format.id).second);  // ids are unique
    CHECK((format.write_register || format.write_diff));
    CHECK(!format.description.empty());
  }
  REQUIRE(find_output_format("csv") != nullptr);
  CHECK((find_output_format("csv")->write_diff == nullptr));
  CHECK((find_output_format("text")->write_register == nullptr));
  REQUIRE(find_output_format("xlsx") != nullptr);
  CHECK(find_output_format("xlsx")->binary);  // never for a terminal
  CHECK(find_output_format("xlsx")->shows_assets);
  CHECK_FALSE(find_output_format("md")->binary);
  CHECK(find_output_format("ods") == nullptr);
}

TEST_CASE("format table: -o extension detection") {
  CHECK(register_format_for_output("") == "md");
  CHECK(register_format_for_output("-") == "md");
  CHECK(register_format_for_output("register") == "md");
  CHECK(register_format_for_output("out/register") == "md");
  CHECK(register_format_for_output("register.md") == "md");
  CHECK(register_format_for_output("register.markdown") == "md");
  CHECK(register_format_for_output("register.json") == "json");
  CHECK(register_format_for_output("dir.v2/register.JSON") == "json");
  CHECK(register_format_for_output("register.csv") == "csv");
  // An extension no register writer takes is not silently Markdown.
  CHECK(register_format_for_output("register.xlsx") == "xlsx");
  CHECK(register_format_for_output("Register.XLSX") == "xlsx");
  CHECK_FALSE(register_format_for_output("register.xls").has_value());
  CHECK_FALSE(register_format_for_output("register.pdf").has_value());
  CHECK(register_format_for_output("report.html") == "html");
  CHECK(register_format_for_output("REPORT.HTM") == "html");
  CHECK_FALSE(register_format_for_output("register.txt").has_value());  // text is a diff format only
  CHECK(register_extensions_text() == "'.json' (json), '.csv' (csv), '.md' or '.markdown' (md), '.html' or '.htm' (html), '.xlsx' (xlsx)");
}

TEST_CASE("format table: each line dispatches to its own writer, with the options") {
  const Register reg = knelpunt::test::fixture_register();
  const WriteOptions options{"en", CsvOptions{';', true}};
  CHECK(find_output_format("json")->write_register(reg, options) == register_to_json(reg, "en"));
  CHECK(find_output_format("md")->write_register(reg, options) == register_to_markdown(reg, "en"));
  CHECK(find_output_format("csv")->write_register(reg, options) == register_to_csv(reg, "en", CsvOptions{';', true}));
  CHECK(find_output_format("csv")->write_register(reg, options) != register_to_csv(reg, "en", CsvOptions{}));
  CHECK(find_output_format("html")->write_register(reg, options) == register_to_html(reg, "en"));
  CHECK((find_output_format("html")->write_diff == nullptr));
  const RegisterDiff diff;
  CHECK(find_output_format("text")->write_diff(diff, "nl") == diff_to_text(diff, "nl"));
  CHECK(find_output_format("json")->write_diff(diff, "en") == diff_to_json(diff, "en"));
  CHECK(find_output_format("md")->write_diff(diff, "en") == diff_to_markdown(diff, "en"));
}
