#pragma once
/// The action CISA's KEV catalogue requires for a CVE (docs/feeds.md), as a
/// reader of the register gets it: in English the feed's text; in Dutch a
/// translation of CISA's standard texts, and any other text quoted and
/// marked as the feed's English, so that a Dutch register never passes
/// English off as its own prose (issue #14, "Correct Dutch").

#include <string>
#include <string_view>

namespace knelpunt::risk_register {

/// `action` (the feed's `requiredAction`) for `lang` ("nl" or "en"); empty
/// when `action` is empty. Exact match on CISA's standard texts after
/// trimming white space; the trailing full stop is optional.
std::string required_action_text(std::string_view action, std::string_view lang);

}  // namespace knelpunt::risk_register
