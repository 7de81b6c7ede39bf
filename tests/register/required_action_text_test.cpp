#include "register/required_action_text.hpp"

#include <doctest/doctest.h>

using knelpunt::risk_register::required_action_text;

TEST_CASE("required action: CISA's standard texts in Dutch, the feed's text in English") {
  CHECK(required_action_text("Apply updates per vendor instructions.", "nl") ==
        "updates installeren volgens de instructies van de leverancier");
  CHECK(required_action_text("Apply updates per vendor instructions.", "en") ==
        "Apply updates per vendor instructions.");
  // Without its full stop, with blanks around it: the same standard text.
  CHECK(required_action_text("  Apply mitigations per vendor instructions or discontinue use of the product if "
                             "mitigations are unavailable \n",
                             "nl") ==
        "maatregelen treffen volgens de instructies van de leverancier, of het product niet meer gebruiken "
        "als er geen maatregelen zijn");
  CHECK(required_action_text("The impacted product is end-of-life and should be disconnected if still in use.",
                             "nl")
            .find("loskoppelen") != std::string::npos);
}

TEST_CASE("required action: another text is quoted as CISA's English in Dutch, and nothing stays nothing") {
  CHECK(required_action_text("Apply the hotfix from KB 1234.", "nl") ==
        "\"Apply the hotfix from KB 1234.\" (CISA, in het Engels)");
  CHECK(required_action_text("Apply the hotfix from KB 1234.", "en") == "Apply the hotfix from KB 1234.");
  CHECK(required_action_text("", "nl").empty());
  CHECK(required_action_text(" \t", "nl").empty());
}
