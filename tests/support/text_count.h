// Test support: how often a piece of text stands in a page or a report (rows, sections, bars).
#pragma once

#include <cstddef>
#include <string_view>

namespace anticipa::test {

/// Non-overlapping occurrences of `part` in `text`.
inline std::size_t occurrences(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

}  // namespace anticipa::test
