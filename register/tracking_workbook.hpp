#pragma once
/// The tracking columns of an Excel register (register_xlsx_writer.hpp) read
/// back, for `knelpunt tracking import` (docs/register.md, Excel; decision
/// 028). The `Register` sheet's header row names the columns in Dutch or
/// English, so people may reorder them and add their own: `id`, `status`,
/// `eigenaar`/`owner`, `toelichting`/`justification`, `datum`/`date` and
/// `gecontroleerd door`/`checked by` are found by name. A status is an id
/// (`accepted`) or its name in either language (`geaccepteerd`); an empty
/// one is `unchecked`. A date is a date cell (a serial) or text YYYY-MM-DD.
/// Every row with an id is one entry, checked as tracking.yaml is
/// (tracking.hpp); problems are located `register.xlsx!Register!F12`.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "register/tracking.hpp"

namespace knelpunt::risk_register {

/// The entries of the workbook `bytes` (called `file_name` in locations), in
/// row order, each located at its id cell; problems in `diagnostics`. Nothing
/// when the workbook cannot be read or lacks the sheet or a column.
std::vector<TrackingEntry> read_tracking_workbook(std::string_view bytes,
                                                  const std::string& file_name,
                                                  model::Diagnostics& diagnostics);

}  // namespace knelpunt::risk_register
