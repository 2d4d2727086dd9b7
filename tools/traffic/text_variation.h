// anticipa-traffic: how customers deform what they type (accents left out, letters swapped) and
// how a query grows keystroke by keystroke. UTF-8 in, UTF-8 out.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace anticipa::traffic {

/// Splits UTF-8 text into code points, each as its bytes (the text is valid: it comes from YAML).
inline std::vector<std::string> code_points(const std::string& text) {
    std::vector<std::string> points;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        points.push_back(text.substr(i, length));
        i += length;
    }
    return points;
}

/// "não é fácil" -> "nao e facil": what a customer without the keyboard layout types. Covers the
/// letters of pt, es and it; anything else is kept.
inline std::string drop_accents(const std::string& text) {
    static const std::pair<const char*, const char*> folds[] = {
        {"á", "a"}, {"à", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "a"}, {"é", "e"}, {"è", "e"}, {"ê", "e"},
        {"ë", "e"}, {"í", "i"}, {"ì", "i"}, {"î", "i"}, {"ï", "i"}, {"ó", "o"}, {"ò", "o"}, {"ô", "o"},
        {"õ", "o"}, {"ö", "o"}, {"ú", "u"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ç", "c"}, {"ñ", "n"},
        {"Á", "A"}, {"É", "E"}, {"Í", "I"}, {"Ó", "O"}, {"Ú", "U"}, {"Ç", "C"}, {"Ñ", "N"}};
    std::string out;
    for (const auto& point : code_points(text)) {
        const char* replacement = nullptr;
        for (const auto& [from, to] : folds)
            if (point == from) replacement = to;
        out += replacement ? replacement : point;
    }
    return out;
}

/// Swaps two neighbouring letters inside one word of five or more ASCII letters chosen by
/// `draw` ("password" -> "passwrod"); text without such a word (Chinese) is returned as it is.
inline std::string swap_letters(const std::string& text, std::uint64_t draw) {
    std::vector<std::pair<std::size_t, std::size_t>> words;  // [begin, end) of ASCII letter runs
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    for (std::size_t i = 0; i < text.size();) {
        if (!letter(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && letter(text[end])) ++end;
        if (end - i >= 5) words.emplace_back(i, end);
        i = end;
    }
    if (words.empty()) return text;
    const auto [begin, end] = words[draw % words.size()];
    // Not the first letter: people rarely get that one wrong, and it keeps prefix search working.
    const std::size_t at = begin + 1 + (draw / 7) % (end - begin - 2);
    std::string out = text;
    std::swap(out[at], out[at + 1]);
    return out;
}

/// The texts the search box holds while `query` is typed, one per keystroke. Latin text starts
/// at two characters (the widget asks from the first, but one letter suggests nothing useful and
/// a real customer types it within the debounce); a prefix ending in a space is skipped because
/// it searches the same words as the one before it.
inline std::vector<std::string> typing_prefixes(const std::string& query) {
    const auto points = code_points(query);
    std::vector<std::string> prefixes;
    std::string typed;
    for (std::size_t i = 0; i < points.size(); ++i) {
        typed += points[i];
        const bool wide = points[i].size() >= 3;  // CJK: one character is a word or most of one
        if (points[i] == " " || (i == 0 && !wide && points.size() > 1)) continue;
        prefixes.push_back(typed);
    }
    if (prefixes.empty() || prefixes.back() != query) prefixes.push_back(query);
    return prefixes;
}

}  // namespace anticipa::traffic
