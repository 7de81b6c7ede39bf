#include "register/required_action_text.hpp"

#include <fmt/format.h>

#include "model/text_trim.hpp"

namespace knelpunt::risk_register {

namespace {

/// CISA's recurring required actions, without their full stop, and their Dutch.
struct StandardAction {
  std::string_view english, dutch;
};

constexpr StandardAction kStandardActions[] = {
    {"Apply updates per vendor instructions",
     "updates installeren volgens de instructies van de leverancier"},
    {"Apply updates per vendor instructions or discontinue use of the product if updates are "
     "unavailable",
     "updates installeren volgens de instructies van de leverancier, of het product niet meer "
     "gebruiken als er "
     "geen updates zijn"},
    {"Apply mitigations per vendor instructions or discontinue use of the product if mitigations "
     "are unavailable",
     "maatregelen treffen volgens de instructies van de leverancier, of het product niet meer "
     "gebruiken als er "
     "geen maatregelen zijn"},
    {"Apply mitigations per vendor instructions, follow applicable BOD 22-01 guidance for cloud "
     "services, or "
     "discontinue use of the product if mitigations are unavailable",
     "maatregelen treffen volgens de instructies van de leverancier, voor clouddiensten de "
     "richtlijn BOD 22-01 "
     "volgen, of het product niet meer gebruiken als er geen maatregelen zijn"},
    {"The impacted product is end-of-life and should be disconnected if still in use",
     "de leverancier ondersteunt het product niet meer: loskoppelen als het nog in gebruik is"},
};

}  // namespace

std::string required_action_text(std::string_view action, std::string_view lang) {
  std::string_view text = model::trimmed(action, model::kAsciiWhitespace);
  if (text.empty() || lang == "en") return std::string(text);
  std::string_view bare = text;
  if (bare.back() == '.') bare.remove_suffix(1);
  for (const auto& standard : kStandardActions)
    if (bare == standard.english) return std::string(standard.dutch);
  return fmt::format("\"{}\" (CISA, in het Engels)", text);
}

}  // namespace knelpunt::risk_register
