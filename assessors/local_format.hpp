#pragma once
/// Durations and numbers as the register's two languages write them. English
/// keeps the compact forms (`72h`, `1h30m`, `12345`); Dutch writes words and
/// the Dutch number format (docs/register.md, "Dutch texts"):
///
/// - durations as model::format_duration writes them for every command
///   ("3 dagen", "48 uur", "1 uur en 30 minuten", "onbeperkte tijd");
/// - numbers with a dot between thousands and a decimal comma ("1.234,5").

#include <string>
#include <string_view>

#include "assessors/finding.hpp"
#include "catalogs/reference_data.hpp"
#include "model/duration.hpp"

namespace knelpunt::assessors {

/// A duration in Dutch: model::format_duration(hours, "nl").
std::string dutch_hours(model::Hours hours);

/// A duration in both languages: Dutch as dutch_hours, English as model::format_hours.
LocalText local_hours(model::Hours hours);

/// A number written the English way (`1234567.5`, `-12`, `1e-05`) in the
/// Dutch format: `1.234.567,5`. Text that is not such a number is returned as is.
std::string dutch_number(std::string_view english);

/// The same number in the English format a reader expects: `1,234,567.5`
/// (digits grouped by three from four digits on; "999" stays).
std::string english_number(std::string_view plain);

/// A number rounded to a whole in both languages: {"1.234", "1,234"}.
LocalText local_whole(double value);

/// A number in its shortest form in both languages: {"0,7", "0.7"}, {"1.234,5", "1,234.5"}.
LocalText local_number(double value);

/// A number with fmt's `.4g` (probabilities) in both languages.
LocalText local_probability(double value);

/// A probability as a percentage with four significant digits at most, in
/// both languages: {"14,13%", "14.13%"}, {"0,00045%", …}; below 0,0001% as
/// a power of ten ("4,5 × 10⁻⁸%"). The method states its likelihood classes
/// in percentages (catalogs/scoring.yaml).
LocalText local_percentage(double probability);

/// The probabilities over the scoring period that make likelihood class
/// `likelihood_class` of `classes` (the scoring catalogue's, A … E), as the
/// register writes them: "onder 0,05%", "5% tot 50%", "50% of meer".
LocalText likelihood_class_range(const std::vector<catalogs::LikelihoodClass>& classes,
                                 catalogs::ClassIndex likelihood_class);

/// A rate as a reader writes it: below 0.001 as "2,1 × 10⁻⁷" / "2.1 × 10⁻⁷"
/// (two significant digits at most), else as local_number.
LocalText local_rate(double value);

/// A resource kind or service as prose names it: the resource-kinds
/// catalogue's name in each language with its first capital lowered
/// ("elektriciteit", "acute care"), else the id itself.
LocalText resource_kind_name(const catalogs::ReferenceData& reference, const std::string& id);

/// A threat as prose names it: the threats catalogue's name in each
/// language, first capital lowered as resource_kind_name does, with the id
/// after it when they differ ("overstroming (flood)", "ransomware"); else
/// the id itself. An English id is no Dutch word to a reader.
LocalText threat_name(const catalogs::ReferenceData& reference, const std::string& id);

/// Vital processes as a reader names them: the vital-process catalogue's
/// names in each language ("Regionale distributie elektriciteit"), an id
/// the catalogue lacks as itself, joined by "; " (the names hold commas).
LocalText process_names(const catalogs::ReferenceData& reference,
                        const std::vector<std::string>& ids);

}  // namespace knelpunt::assessors
