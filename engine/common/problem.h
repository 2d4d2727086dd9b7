// Common: a problem found in one input (an article, a request field), reported and never thrown.
#pragma once

#include <string>
#include <vector>

namespace anticipa {

enum class Severity { WARNING, ERROR };

/// One thing wrong with one input, located as precisely as we can (file and 1-based line; 0 = whole file).
struct Problem {
    Severity severity = Severity::ERROR;
    std::string code;     ///< stable machine-readable name, e.g. "missing_title"
    std::string message;  ///< what is wrong and, where we can tell, how to fix it
    std::string file;     ///< path as the writer knows it, e.g. "articles/pt/senha.md"
    int line = 0;
};

/// "articles/pt/senha.md:3: error: missing title [missing_title]"
std::string format_problem(const Problem& problem);

bool has_errors(const std::vector<Problem>& problems);

}  // namespace anticipa
