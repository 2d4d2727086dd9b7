// Gaps stage, step 3: the content plan written for people (Markdown, HTML with charts that work
// offline) and for tools (CSV, JSON). Every writer escapes what customers typed.
#pragma once

#include "gaps/gaps_report.h"

#include <string>

namespace anticipa::gaps {

enum class ReportFormat { MARKDOWN, CSV, JSON, HTML };

/// "md", "csv", "json", "html"; throws std::invalid_argument naming the bad value.
ReportFormat parse_report_format(const std::string& name);

std::string write_markdown(const GapsReport& report);
std::string write_csv(const GapsReport& report);  ///< one row per gap group
std::string write_json(const GapsReport& report);
std::string write_html(const GapsReport& report);  ///< one self-contained page, inline SVG charts

std::string write_report(const GapsReport& report, ReportFormat format);

}  // namespace anticipa::gaps
