// Server: the admin page's controls, HTML only: the bar above the content plan with the period,
// locale and tier form (GET, so a view can be bookmarked and shared) and the sign-out button,
// and the 400 page that names a bad parameter. The values are the ones `anticipa gaps` takes
// (gaps/plan_options.h); this file only draws them.
#pragma once

#include "gaps/plan_options.h"

#include <string>
#include <vector>

namespace anticipa::server {

/// The bar: "since", "until", "locale", "tier" filled with `current`, `locales` offered for the
/// locale (the index's), and the CSV links of the report's tables.
std::string plan_controls(const gaps::PlanOptionText& current, const std::vector<std::string>& locales);

/// `report` (the gaps stage's self-contained page) with the bar at the top of its body.
std::string with_plan_controls(std::string report, const std::string& controls);

/// The body of the 400 page: what is wrong, in the support lead's words, then the form again.
std::string bad_option_body(const gaps::PlanOptionError& error, const std::string& controls);

}  // namespace anticipa::server
