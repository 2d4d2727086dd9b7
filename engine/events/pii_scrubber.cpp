// Events stage: the personal-data scrubber. Customers paste their e-mail address, phone or card
// number into a search box or a "not helpful" comment; the content plan needs the question, not
// the person, so those are replaced before anything reaches the disk.
//
// One forward pass over the bytes, no regex and no allocation besides the result: it runs on every
// request. A match starts and ends on an ASCII byte (or, inside an e-mail address, on a whole
// accented Latin letter), so a multi-byte UTF-8 sequence is never cut and Chinese, accented or
// invalid text is copied unchanged.
#include "events/pii_scrubber.h"

#include <array>
#include <cstddef>

namespace anticipa::events {
namespace {

constexpr auto NONE = std::string_view::npos;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ---- e-mail addresses -------------------------------------------------------------------------

// Bytes of an accented Latin letter (U+00C0..U+027F: "é", "ü", "ç", "ł") at i, else 0. They may be
// part of an address ("josé.silva@exemplo.pt" goes whole, not as "josé[email]"); CJK lead bytes lie
// elsewhere, so in "请发到ana@x.com" the Chinese words are not taken for a local part.
std::size_t latin_letter_at(std::string_view text, std::size_t i) {
    if (i + 1 >= text.size()) return 0;
    auto lead = static_cast<unsigned char>(text[i]);
    auto next = static_cast<unsigned char>(text[i + 1]);
    return lead >= 0xC3 && lead <= 0xC9 && next >= 0x80 && next <= 0xBF ? 2 : 0;
}

// The characters people really put before the "@" (RFC 5322 allows more, nobody types them).
bool is_local_part_ascii(char c) {
    return is_digit(c) || is_ascii_letter(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool is_domain_label_ascii(char c) {
    return is_digit(c) || is_ascii_letter(c) || c == '-';
}

// Bytes of the address character at i (of the local part, or of a domain label), 0 if none.
std::size_t address_char_at(std::string_view text, std::size_t i, bool local_part) {
    char c = text[i];
    if (local_part ? is_local_part_ascii(c) : is_domain_label_ascii(c)) return 1;
    return latin_letter_at(text, i);
}

// An address is only looked for where a word begins, so each word is scanned once (linear time).
bool begins_address_word(std::string_view text, std::size_t i) {
    if (i == 0) return true;
    if (is_local_part_ascii(text[i - 1])) return false;
    return !(i >= 2 && latin_letter_at(text, i - 2) == 2);
}

// The end of the address "local@domain.tld" starting at begin, or NONE. The domain needs a dot and
// a top-level label of two or more letters, so "@home", "user@localhost" and "a@b.c" stay; a full
// stop after the address ("write to ana@x.com.") stays outside it.
std::size_t match_email(std::string_view text, std::size_t begin) {
    std::size_t i = begin;
    while (i < text.size()) {
        std::size_t length = address_char_at(text, i, true);
        if (length == 0) break;
        i += length;
    }
    if (i == begin || i >= text.size() || text[i] != '@') return NONE;
    std::size_t domain_begin = ++i;
    while (i < text.size()) {
        std::size_t length = text[i] == '.' ? 1 : address_char_at(text, i, false);
        if (length == 0) break;
        i += length;
    }
    while (i > domain_begin && (text[i - 1] == '.' || text[i - 1] == '-')) --i;
    std::string_view domain = text.substr(domain_begin, i - domain_begin);
    std::size_t last_dot = domain.rfind('.');
    if (last_dot == NONE || domain.front() == '.' || domain.find("..") != NONE) return NONE;
    std::string_view top_level = domain.substr(last_dot + 1);
    if (top_level.size() < 2) return NONE;
    for (char c : top_level) {
        if (is_digit(c) || c == '-') return NONE;
    }
    return i;
}

// ---- digit sequences: cards, phones, long numbers ---------------------------------------------

// "+55 (11) 91234-5678" is read as groups of digits: an optional "+", then groups separated by one
// space, dash or dot ("(11)" may also touch the next group). Cards and phones are prefixes of it.
struct DigitGroup {
    std::size_t end = 0;  // byte after the group (after its ")")
    int digits = 0;
    char first_digit = 0;
    bool parenthesized = false;
    char separator_before = 0;  // 0 for the first group
};

struct DigitSequence {
    bool plus = false;
    std::array<DigitGroup, 12> groups;  // longer sequences are cut: no phone or card is that long
    std::size_t count = 0;
};

bool is_group_separator(char c) {
    return c == ' ' || c == '-' || c == '.';
}

bool begins_group(std::string_view text, std::size_t i) {
    if (i >= text.size()) return false;
    if (is_digit(text[i])) return true;
    return text[i] == '(' && i + 1 < text.size() && is_digit(text[i + 1]);
}

DigitSequence read_digit_sequence(std::string_view text, std::size_t begin) {
    DigitSequence sequence;
    std::size_t i = begin;
    if (text[i] == '+') {
        sequence.plus = true;
        ++i;
    }
    char separator = 0;
    while (sequence.count < sequence.groups.size() && begins_group(text, i)) {
        DigitGroup group;
        group.parenthesized = text[i] == '(';
        group.separator_before = separator;
        std::size_t digits_begin = group.parenthesized ? i + 1 : i;
        std::size_t digits_end = digits_begin;
        while (digits_end < text.size() && is_digit(text[digits_end])) ++digits_end;
        if (group.parenthesized && (digits_end >= text.size() || text[digits_end] != ')')) break;
        group.digits = static_cast<int>(digits_end - digits_begin);
        group.first_digit = text[digits_begin];
        group.end = group.parenthesized ? digits_end + 1 : digits_end;
        sequence.groups[sequence.count++] = group;
        i = group.end;
        separator = 0;
        if (i < text.size() && is_group_separator(text[i]) && begins_group(text, i + 1)) {
            separator = text[i];
            ++i;
        } else if (!group.parenthesized) {
            break;
        }
    }
    return sequence;
}

// The Luhn checksum every payment card carries: it tells a card number from an order number of
// the same length (nine in ten random numbers fail it).
bool passes_luhn(std::string_view text, std::size_t begin, std::size_t end) {
    int sum = 0;
    bool doubled = false;
    for (std::size_t i = end; i > begin; --i) {
        char c = text[i - 1];
        if (!is_digit(c)) continue;
        int digit = c - '0';
        if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        sum += digit;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

// Groups in the longest card-number prefix (13 to 19 digits, together or in groups of three or more
// split by spaces or dashes, Luhn-valid), 0 if none. The longest, so "4111 1111 1111 1111 123" (a
// card and its security code) still loses the card.
std::size_t card_prefix(std::string_view text, std::size_t begin, const DigitSequence& sequence) {
    if (sequence.plus) return 0;
    std::size_t best = 0;
    int digits = 0;
    for (std::size_t k = 0; k < sequence.count; ++k) {
        const DigitGroup& group = sequence.groups[k];
        if (group.parenthesized || group.separator_before == '.') break;
        if (sequence.count > 1 && group.digits < 3) break;
        digits += group.digits;
        if (digits > 19) break;
        if (digits >= 13 && passes_luhn(text, begin, group.end)) best = k + 1;
    }
    return best;
}

bool looks_like_year(const DigitGroup& group, std::string_view text) {
    std::size_t first = group.end - 4;
    return group.digits == 4 && (text.substr(first, 2) == "19" || text.substr(first, 2) == "20");
}

// Whether the first `count` groups (8 to 15 digits, the E.164 limit) are shaped like a phone
// number. Without a "+" or an "(area code)" a bare digit sequence needs a shape, or dates and
// counts would go too: a trunk "0" and 9+ digits ("020 7946 0958", "06 12 34 56 78"), or a first
// group of 3+ digits and a last of 4+ ("555-123-4567", "91234-5678"), but not "2019-2024".
bool is_phone_shape(std::string_view text, const DigitSequence& sequence, std::size_t count, int digits) {
    if (digits < 8 || digits > 15) return false;
    if (sequence.plus) return true;
    if (count < 2) return false;  // one bare run of digits is a [number], if long enough
    const DigitGroup& first = sequence.groups[0];
    const DigitGroup& last = sequence.groups[count - 1];
    if (first.parenthesized) return true;
    if (first.first_digit == '0' && digits >= 9) return true;
    bool year_range = count == 2 && looks_like_year(first, text) && looks_like_year(last, text);
    return first.digits >= 3 && last.digits >= 4 && !year_range;
}

// Groups in the longest phone prefix, 0 if none: "call 555-123-4567 2 times" keeps the "2".
std::size_t phone_prefix(std::string_view text, const DigitSequence& sequence) {
    std::size_t best = 0;
    int digits = 0;
    for (std::size_t k = 0; k < sequence.count; ++k) {
        digits += sequence.groups[k].digits;
        if (digits > 15) break;
        if (is_phone_shape(text, sequence, k + 1, digits)) best = k + 1;
    }
    return best;
}

bool begins_digit_sequence(std::string_view text, std::size_t i) {
    char c = text[i];
    if (is_digit(c)) return i == 0 || !is_digit(text[i - 1]);
    return (c == '+' || c == '(') && begins_group(text, c == '+' ? i + 1 : i);
}

// Scrubs the digit sequence at begin into `out`; returns where scanning goes on.
std::size_t scrub_digit_sequence(std::string_view text, std::size_t begin, std::string& out) {
    DigitSequence sequence = read_digit_sequence(text, begin);
    if (sequence.count == 0) {
        out += text[begin];
        return begin + 1;
    }
    if (std::size_t groups = card_prefix(text, begin, sequence); groups > 0) {
        out += "[card]";
        return sequence.groups[groups - 1].end;
    }
    if (std::size_t groups = phone_prefix(text, sequence); groups > 0) {
        out += "[phone]";
        return sequence.groups[groups - 1].end;
    }
    if (!is_digit(text[begin])) {  // "+" or "(": its digits are looked at on their own next
        out += text[begin];
        return begin + 1;
    }
    // Anything else long enough to identify someone: account, order, ID and tracking numbers.
    // Short numbers carry meaning for the content plan ("error 404", "iOS 17", "2024").
    std::size_t end = begin;
    while (end < text.size() && is_digit(text[end])) ++end;
    if (end - begin >= 6) {
        out += "[number]";
    } else {
        out.append(text.substr(begin, end - begin));
    }
    return end;
}

}  // namespace

std::string scrub_personal_data(std::string_view text) {
    if (text.find_first_of("0123456789@") == NONE) return std::string(text);  // most queries
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (begins_address_word(text, i) && address_char_at(text, i, true) > 0) {
            if (std::size_t end = match_email(text, i); end != NONE) {
                out += "[email]";
                i = end;
                continue;
            }
        }
        if (begins_digit_sequence(text, i)) {
            i = scrub_digit_sequence(text, i, out);
            continue;
        }
        out += text[i++];
    }
    return out;
}

}  // namespace anticipa::events
