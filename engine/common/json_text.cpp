#include "common/json_text.h"

#include "common/utf8.h"

#include <cstdint>
#include <cstring>

namespace anticipa {

namespace {

/// True when one of the eight bytes at `bytes` is under 0x20, '"' or '\\' (bit tricks on one
/// 64-bit word: a byte's high bit is set in `zero(x)` when that byte of x is 0; bytes from 0x80,
/// UTF-8's, never count).
bool needs_escape(const char* bytes) {
    constexpr std::uint64_t ONES = 0x0101010101010101ULL, HIGHS = 0x8080808080808080ULL;
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    auto zero = [](std::uint64_t x) { return (x - ONES) & ~x & HIGHS; };
    const std::uint64_t control = (word - 0x20 * ONES) & ~word & HIGHS;
    return (control | zero(word ^ ('"' * ONES)) | zero(word ^ ('\\' * ONES))) != 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    std::string repaired;
    if (find_invalid_utf8(text) != std::string_view::npos) {
        repaired = repair_utf8(text);
        text = repaired;
    }
    out += '"';
    // Runs of characters that need no escape are copied whole: one character at a time was most
    // of the cost of an events journal line and of a search answer's JSON.
    std::size_t copied = 0;  // text[copied..i) is not in `out` yet
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Eight bytes at a time while none of them is a control character, '"' or '\\'.
        while (i + 8 <= text.size() && !needs_escape(text.data() + i)) i += 8;
        if (i == text.size()) break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + copied, i - copied);
        copied = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                static constexpr char HEX[] = "0123456789abcdef";
                out += "\\u00";
                out += HEX[(c >> 4) & 0xF];
                out += HEX[c & 0xF];
            }
        }
    }
    out.append(text.data() + copied, text.size() - copied);
    out += '"';
}

}  // namespace anticipa
