#include "analysis/normalizer.h"

#include "common/icu_check.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

namespace anticipa::analysis {

namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

icu::UnicodeString to_unicode(std::string_view text) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

std::string normalize_word(std::string_view word) {
    if (is_ascii(word)) {  // the common case in most languages: no ICU round trip
        std::string out(word);
        for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    check_icu(status, "loading the NFKC_Casefold normalizer");
    icu::UnicodeString normalized = nfkc_casefold->normalize(to_unicode(word), status);
    check_icu(status, "normalizing a word");
    return to_utf8(normalized);
}

std::string fold_accents(std::string_view term) {
    if (is_ascii(term)) return std::string(term);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    check_icu(status, "loading the NFD/NFC normalizers");
    icu::UnicodeString decomposed = nfd->normalize(to_unicode(term), status);
    check_icu(status, "decomposing accents");
    icu::UnicodeString folded;
    bool after_latin = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (!after_latin) folded.append(c);  // keep marks of non-Latin scripts
            continue;
        }
        UErrorCode script_status = U_ZERO_ERROR;
        after_latin = uscript_getScript(c, &script_status) == USCRIPT_LATIN;
        folded.append(c);
    }
    icu::UnicodeString recomposed = nfc->normalize(folded, status);
    check_icu(status, "recomposing a folded word");
    return to_utf8(recomposed);
}

bool has_han(std::string_view text) {
    if (is_ascii(text)) return false;
    icu::UnicodeString unicode = to_unicode(text);
    for (int32_t i = 0; i < unicode.length();) {
        UChar32 c = unicode.char32At(i);
        i += U16_LENGTH(c);
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(c, &status) == USCRIPT_HAN) return true;
    }
    return false;
}

namespace {

const char* const TRADITIONAL_TO_SIMPLIFIED = "Traditional-Simplified";

std::unique_ptr<icu::Transliterator> make_folder() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> folder(
        icu::Transliterator::createInstance(TRADITIONAL_TO_SIMPLIFIED, UTRANS_FORWARD, status));
    check_icu(status, "creating the Traditional-Simplified transliterator");
    return folder;
}

std::string transliterate(icu::Transliterator& folder, std::string_view text) {
    icu::UnicodeString unicode = to_unicode(text);
    folder.transliterate(unicode);
    return to_utf8(unicode);
}

/// The phrases ICU's rules map otherwise than character by character ("甚麼" -> "什么", where
/// "甚" alone stays "甚"), by their first character. Empty and unusable when a rule is of any
/// other form than "phrase > phrase;" (a context, a set, a filter): then every text goes through
/// ICU whole.
struct ContextPhrases {
    bool usable = false;
    std::unordered_map<UChar32, std::vector<std::string>> by_first;
};

ContextPhrases find_context_phrases() {
    std::unique_ptr<icu::Transliterator> folder = make_folder();
    icu::UnicodeString rules;
    folder->toRules(rules, false);
    const std::string text = to_utf8(rules);
    ContextPhrases found;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view rule(text.data() + at, end - at);
        at = end + 1;
        if (rule.empty()) continue;
        const std::size_t arrow = rule.find(" > ");
        if (arrow == std::string_view::npos || !rule.ends_with(';')) return {};
        const std::string_view phrase = rule.substr(0, arrow);
        if (phrase.empty() || !std::all_of(phrase.begin(), phrase.end(), [](char c) { return (c & 0x80) != 0; }))
            return {};  // ASCII on the left is rule syntax, not a Han phrase
        icu::UnicodeString whole = to_unicode(phrase);
        if (whole.countChar32() < 2) continue;
        icu::UnicodeString one_by_one;
        for (int32_t i = 0; i < whole.length();) {
            icu::UnicodeString character(whole.char32At(i));
            i += character.length();
            folder->transliterate(character);
            one_by_one += character;
        }
        const UChar32 first = whole.char32At(0);
        folder->transliterate(whole);
        if (whole != one_by_one) found.by_first[first].emplace_back(phrase);
    }
    found.usable = true;
    return found;
}

const ContextPhrases& context_phrases() {
    static const ContextPhrases phrases = find_context_phrases();  // once per process, read-only after
    return phrases;
}

}  // namespace

ChineseScriptFolder::ChineseScriptFolder() : transliterator_(make_folder()) {}

ChineseScriptFolder::~ChineseScriptFolder() = default;

// ICU's transliterator was 8.8% of all a search did at 10,000 generated sections (each zh-TW
// hit's snippet text went through it whole). Its rules map characters one by one, except in 976
// phrases; of those, 169 map differently from their characters ("乾坤" keeps "乾", which alone
// becomes "干"). A text holding none of the 169 is folded character by character from a memo of
// what ICU gave each character alone, which is what ICU gives the whole text; any other text (or
// invalid UTF-8) goes through ICU whole.
std::string ChineseScriptFolder::to_simplified(std::string_view text) {
    const ContextPhrases& phrases = context_phrases();
    if (!phrases.usable) return transliterate(*transliterator_, text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {  // no rule has ASCII on its left
            out += text[i++];
            continue;
        }
        // One decode gives the character and its length; ICU marks an ill-formed one negative.
        auto next = static_cast<int32_t>(i);
        UChar32 code_point = 0;
        U8_NEXT(text.data(), next, static_cast<int32_t>(text.size()), code_point);
        if (code_point < 0) return transliterate(*transliterator_, text);
        const std::size_t length = static_cast<std::size_t>(next) - i;
        const std::string_view character = text.substr(i, length);
        if (auto starting = phrases.by_first.find(code_point); starting != phrases.by_first.end()) {
            for (const std::string& phrase : starting->second)
                if (text.substr(i).starts_with(phrase)) return transliterate(*transliterator_, text);
        }
        auto [folded, fresh] = memo_.try_emplace(code_point);
        if (fresh) folded->second = transliterate(*transliterator_, character);
        out += folded->second;
        i += length;
    }
    return out;
}

}  // namespace anticipa::analysis
