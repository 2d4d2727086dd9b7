// Gaps stage, step 3: the content plan written for people (Markdown, HTML with charts that work
// offline) and for tools (CSV, JSON). Every writer escapes what customers typed.
#pragma once

#include "gaps/gaps_report.h"

#include <string>
#include <string_view>
#include <vector>

namespace anticipa::gaps {

enum class ReportFormat { MARKDOWN, CSV, JSON, HTML };

/// "md", "csv", "json", "html"; throws std::invalid_argument naming the bad value.
ReportFormat parse_report_format(const std::string& name);

std::string write_markdown(const GapsReport& report);
/// One table of the report as CSV: "gaps" (one row per gap group), "no_results", "top_clicked",
/// ... (csv_table_names()); throws std::invalid_argument naming an unknown table and the known ones.
std::string write_csv(const GapsReport& report, std::string_view table = "gaps");
/// The tables write_csv knows, in the order the report shows them.
const std::vector<std::string>& csv_table_names();
bool is_csv_table(std::string_view name);
/// "gaps, questions, ...": the names as help texts and errors list them.
std::string csv_table_list();
std::string write_json(const GapsReport& report);
std::string write_html(const GapsReport& report);  ///< one self-contained page, inline SVG charts

std::string write_report(const GapsReport& report, ReportFormat format);

}  // namespace anticipa::gaps
