#include "index/learned_keys.h"

namespace anticipa::index {

std::string encode_learned_keys(const std::vector<std::vector<std::string>>& phrasings) {
    std::string value;
    for (const auto& keys : phrasings) {
        if (keys.empty()) continue;
        if (!value.empty()) value += '\n';
        for (std::size_t i = 0; i < keys.size(); ++i) value += (i ? " " : "") + keys[i];
    }
    return value;
}

std::vector<std::vector<std::string_view>> decode_learned_keys(std::string_view value) {
    std::vector<std::vector<std::string_view>> phrasings;
    while (!value.empty()) {
        const std::size_t line_end = std::min(value.find('\n'), value.size());
        std::string_view line = value.substr(0, line_end);
        auto& keys = phrasings.emplace_back();
        while (!line.empty()) {
            const std::size_t word_end = std::min(line.find(' '), line.size());
            if (word_end > 0) keys.push_back(line.substr(0, word_end));
            line.remove_prefix(std::min(word_end + 1, line.size()));
        }
        value.remove_prefix(std::min(line_end + 1, value.size()));
    }
    return phrasings;
}

}  // namespace anticipa::index
