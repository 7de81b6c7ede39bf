#include "register/operator_view.hpp"

#include <algorithm>
#include <set>

namespace knelpunt::risk_register {

std::vector<std::string> keep_operators(Register& reg, const std::vector<std::string>& operators) {
  std::set<std::string> named;
  for (const auto& risk : reg.risks) named.insert(risk.operators.begin(), risk.operators.end());
  std::vector<std::string> unknown;
  for (const auto& name : std::set<std::string>(operators.begin(), operators.end()))
    if (!named.count(name)) unknown.push_back(name);
  std::erase_if(reg.risks, [&](const Risk& risk) {
    return std::none_of(risk.operators.begin(), risk.operators.end(), [&](const std::string& name) {
      return std::find(operators.begin(), operators.end(), name) != operators.end();
    });
  });
  return unknown;
}

}  // namespace knelpunt::risk_register
