#pragma once
/// Compile-time checks for the tables of texts in two languages
/// (assessors/assessor_texts, register/register_texts, cli/cli_texts): each
/// is an array of {key, nl, en} entries in the order of its enum, so that a
/// lookup is an index. The checks live here once, in model/ because every
/// layer with a table uses them.

#include <cstddef>
#include <string_view>

namespace knelpunt::model {

/// The number of fmt replacement fields (`{…}`, not the escaped `{{`) in `text`.
constexpr std::size_t format_field_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    ++count;
  }
  return count;
}

/// True when entry i of `table` has the key whose value is i.
template <class Table>
constexpr bool keys_in_enum_order(const Table& table) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].key) != i) return false;
  return true;
}

/// True when the Dutch and English text of every entry take the same
/// number of fmt arguments.
template <class Table>
constexpr bool same_fields_in_both_languages(const Table& table) {
  for (const auto& entry : table)
    if (format_field_count(entry.nl) != format_field_count(entry.en)) return false;
  return true;
}

}  // namespace knelpunt::model
