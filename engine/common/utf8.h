// Common: UTF-8 validation and repair for text that comes from outside (article files, queries).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace anticipa {

/// Where the first invalid UTF-8 sequence starts; npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view text);

/// The length (1 to 4) of the valid UTF-8 character at text[at], or 0 when what starts there is
/// not one (a stray continuation byte, a cut-short, overlong or surrogate sequence).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

/// The text with each invalid sequence replaced by U+FFFD (through ICU's fromUTF8), so that
/// Xapian never sees stray bytes (it would index them as Latin-1 characters).
std::string repair_utf8(std::string_view text);

/// True for the second to fourth bytes of a UTF-8 character (10xxxxxx): never a place to cut.
inline bool is_continuation_byte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

/// Characters (code points) in valid UTF-8 text: what a length limit on a query counts.
std::size_t count_code_points(std::string_view text);

/// The code points of valid UTF-8 text: for comparing words letter by letter (edits, prefixes)
/// and looking characters up.
std::u32string code_points(std::string_view text);

/// The start of the character `at` falls in (`at` itself when it starts one, or is past the end):
/// where to cut `text` near `at` without splitting a character.
std::size_t character_start(std::string_view text, std::size_t at);

/// 1-based line number of a byte offset.
int line_of_offset(std::string_view text, std::size_t offset);

}  // namespace anticipa
