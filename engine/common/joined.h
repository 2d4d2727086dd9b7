// Common: a list of strings as one line of text, with a separator between them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace anticipa {

/// {"en", "pt"} with ", " -> "en, pt". No separator before the first non-empty text.
inline std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string text;
    for (const auto& part : parts) {
        if (!text.empty()) text += separator;
        text += part;
    }
    return text;
}

}  // namespace anticipa
