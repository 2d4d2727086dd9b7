#include "common/json_text.h"

#include "common/utf8.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace anticipa {

namespace {

constexpr std::uint64_t ONES = 0x0101010101010101ULL, HIGHS = 0x8080808080808080ULL;

/// True when the eight bytes at `bytes` are ASCII and none is under 0x20, '"' or '\\': copied
/// as they are. Bit tricks on one 64-bit word: a byte's high bit is set in `zero(x)` when that
/// byte of x is 0. A false "no" (a borrow across bytes) only sends the bytes the slow way.
bool plain_ascii(const char* bytes) {
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    auto zero = [](std::uint64_t x) { return (x - ONES) & ~x & HIGHS; };
    const std::uint64_t control = (word - 0x20 * ONES) & ~word & HIGHS;
    return (control | zero(word ^ ('"' * ONES)) | zero(word ^ ('\\' * ONES)) | (word & HIGHS)) == 0;
}

void append_escape(std::string& out, unsigned char c) {
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

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out += '"';
    // One pass: runs that need no escape are copied whole, eight plain ASCII bytes are tested at
    // once, and a non-ASCII character is checked as UTF-8 where it stands. Escaping byte by byte,
    // and a separate UTF-8 pass before it, were most of the cost of a search answer's JSON and of
    // an events journal line.
    std::size_t copied = 0;  // text[copied..i) is not in `out` yet
    std::size_t i = 0;
    while (i < text.size()) {
        while (i + 8 <= text.size() && plain_ascii(text.data() + i)) i += 8;
        if (i == text.size()) break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(text, i);
            if (length == 0) {  // rare: start again from the repaired text, U+FFFD for the bad bytes
                out.resize(start);
                return append_json_string(out, repair_utf8(text));
            }
            i += length;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(text.data() + copied, i - copied);
        append_escape(out, c);
        copied = ++i;
    }
    out.append(text.data() + copied, text.size() - copied);
    out += '"';
}

void append_json_number(std::string& out, std::int64_t value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void JsonObjectWriter::text(std::string_view name, std::string_view value) {
    append_json_string(member(name), value);
}

void JsonObjectWriter::number(std::string_view name, std::int64_t value) {
    append_json_number(member(name), value);
}

void JsonObjectWriter::flag(std::string_view name, bool value) {
    member(name) += value ? "true" : "false";
}

}  // namespace anticipa
