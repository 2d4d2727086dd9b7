#include "common/problem.h"

#include <algorithm>

namespace anticipa {

std::string format_problem(const Problem& problem) {
    std::string out = problem.file;
    if (problem.line > 0) out += ":" + std::to_string(problem.line);
    out += problem.severity == Severity::ERROR ? ": error: " : ": warning: ";
    out += problem.message;
    out += " [" + problem.code + "]";
    return out;
}

bool has_errors(const std::vector<Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& p) { return p.severity == Severity::ERROR; });
}

}  // namespace anticipa
