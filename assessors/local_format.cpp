#include "assessors/local_format.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>

#include "assessors/assessor_texts.hpp"
#include "model/text_format.hpp"

namespace knelpunt::assessors {

std::string dutch_hours(model::Hours hours) { return model::format_duration(hours, "nl"); }

LocalText local_hours(model::Hours hours) { return {dutch_hours(hours), model::format_hours(hours)}; }

namespace {

/// `plain` (a number written as fmt writes it: `1234567.5`) with its digits
/// grouped by three from the right, only from four digits on ("999"
/// stays), and the decimal point replaced.
std::string grouped_number(std::string_view plain, char group, char decimal) {
  std::size_t start = plain.empty() || plain[0] != '-' ? 0 : 1;
  std::size_t digits_end = start;
  while (digits_end < plain.size() && std::isdigit(static_cast<unsigned char>(plain[digits_end]))) ++digits_end;
  if (digits_end == start) return std::string(plain);
  std::string out(plain.substr(0, start));
  const std::size_t digits = digits_end - start;
  for (std::size_t i = 0; i < digits; ++i) {
    if (i > 0 && digits >= 4 && (digits - i) % 3 == 0) out += group;
    out += plain[start + i];
  }
  for (std::size_t i = digits_end; i < plain.size(); ++i) out += plain[i] == '.' ? decimal : plain[i];
  return out;
}

}  // namespace

std::string dutch_number(std::string_view english) { return grouped_number(english, '.', ','); }

std::string english_number(std::string_view plain) { return grouped_number(plain, ',', '.'); }

LocalText local_whole(double value) {
  const std::string english = fmt::format("{:.0f}", value);
  return {dutch_number(english), english_number(english)};
}

LocalText local_number(double value) {
  const std::string english = fmt::format("{}", value);
  return {dutch_number(english), english_number(english)};
}

LocalText local_rate(double value) {
  if (!(value > 0) || value >= 0.001 || !std::isfinite(value)) return local_number(value);
  int exponent = static_cast<int>(std::floor(std::log10(value)));
  double mantissa = std::round(value / std::pow(10.0, exponent) * 10) / 10;
  if (mantissa >= 10) {  // 9,96 rounds up to 10,0
    mantissa /= 10;
    ++exponent;
  }
  // Superscript digits and minus (UTF-8).
  static constexpr std::array<std::string_view, 10> kDigits{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string power = exponent < 0 ? "⁻" : "";
  for (char c : std::to_string(std::abs(exponent))) power += kDigits[static_cast<std::size_t>(c - '0')];
  const std::string english = fmt::format("{} × 10{}", mantissa, power);
  return {dutch_number(fmt::format("{}", mantissa)) + fmt::format(" × 10{}", power), english};
}

LocalText local_probability(double value) {
  const std::string english = fmt::format("{:.4g}", value);
  return {dutch_number(english), english};
}

LocalText local_percentage(double probability) {
  const double percent = probability * 100;
  // Four significant digits, as local_probability: 0,04999% stays below the
  // 0,05% that bounds class A. Below 0,0001% (where `.4g` would write
  // 1e-05) as a power of ten.
  if (percent > 0 && percent < 0.0001) {
    const auto rate = local_rate(percent);
    return {rate.nl + "%", rate.en + "%"};
  }
  const std::string english = fmt::format("{:.4g}", percent);
  return {dutch_number(english) + "%", english_number(english) + "%"};
}

LocalText likelihood_class_range(const std::vector<catalogs::LikelihoodClass>& classes,
                                 catalogs::ClassIndex likelihood_class) {
  const auto& upper = classes[likelihood_class].below;
  const std::optional<double> lower =
      likelihood_class > 0 ? classes[likelihood_class - 1].below : std::optional<double>{};
  if (upper && !lower) return local_text(Phrase::likelihood_range_below, local_percentage(*upper));
  if (upper)
    return local_text(Phrase::likelihood_range_between, local_percentage(*lower),
                      local_percentage(*upper));
  if (lower) return local_text(Phrase::likelihood_range_from, local_percentage(*lower));
  return {};
}

namespace {

/// A catalogue name as prose writes it: its first capital lowered unless it
/// starts an abbreviation ("DDoS-aanval"); `id` when there is no name.
std::string in_prose(std::string name, const std::string& id) {
  if (name.empty()) return id;
  // The catalogue's names start with a capital (ASCII in both languages).
  if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) &&
      !std::isupper(static_cast<unsigned char>(name[1])))
    name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return name;
}

}  // namespace

LocalText resource_kind_name(const catalogs::ReferenceData& reference, const std::string& id) {
  const auto* kind = reference.resource_kind(id);
  if (!kind) return {id, id};
  return {in_prose(kind->name, id),
          in_prose(kind->name_en.empty() ? kind->name : kind->name_en, id)};
}

LocalText process_names(const catalogs::ReferenceData& reference,
                        const std::vector<std::string>& ids) {
  std::vector<std::string> nl, en;
  for (const auto& id : ids) {
    const auto* process = reference.process(id);
    nl.push_back(process && !process->name.empty() ? process->name : id);
    en.push_back(process && !process->name_en.empty() ? process->name_en : nl.back());
  }
  return {fmt::format("{}", fmt::join(nl, "; ")), fmt::format("{}", fmt::join(en, "; "))};
}

LocalText threat_name(const catalogs::ReferenceData& reference, const std::string& id) {
  const auto* threat = reference.threat(id);
  if (!threat) return {id, id};
  const auto with_id = [&](const std::string& name) {
    const std::string prose = in_prose(name, id);
    return prose == id ? prose : fmt::format("{} ({})", prose, id);
  };
  return {with_id(threat->name), with_id(threat->name_en.empty() ? threat->name : threat->name_en)};
}

}  // namespace knelpunt::assessors
