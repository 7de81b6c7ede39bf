#pragma once
/// What `compare` prints: the variants of a measure file ranked by what they
/// buy (docs/measures.md), as text, JSON (`knelpunt-compare/1`) or Markdown.

#include <string>
#include <string_view>
#include <vector>

#include "register/variant_comparison.hpp"

namespace knelpunt::cli {

/// Per variant in rank order: cost, expected annual impact, risks removed,
/// reduced, raised and added, and people affected over time; labels in
/// `lang` ("nl" or "en"), numbers and durations in its format (model/text_format.hpp).
std::string render_compare_text(const std::vector<risk_register::VariantComparison>& ranked, std::string_view lang);

/// `knelpunt-compare/1`: the same figures, one object per variant in rank order.
std::string render_compare_json(const std::vector<risk_register::VariantComparison>& ranked, std::string_view lang,
                                const std::string& model_name);

/// A ranking table, then one section per variant; every text from the model
/// or the measure file is Markdown-escaped (model::markdown_escape).
std::string render_compare_markdown(const std::vector<risk_register::VariantComparison>& ranked,
                                    std::string_view lang, const std::string& model_name);

}  // namespace knelpunt::cli
