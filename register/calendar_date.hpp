#pragma once
/// A calendar date as the register writes it: YYYY-MM-DD, checked against
/// the Gregorian calendar (month lengths, leap years), for `assess --date`.

#include <string_view>

namespace knelpunt::risk_register {

/// True when `text` is exactly YYYY-MM-DD (four, two and two digits) and
/// names a day that exists: 2028-02-29 yes, 2027-02-29 and 2026-04-31 no.
/// Years 0001–9999.
bool is_calendar_date(std::string_view text);

}  // namespace knelpunt::risk_register
