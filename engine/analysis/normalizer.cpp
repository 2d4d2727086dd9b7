#include "analysis/normalizer.h"

#include "common/icu_check.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>

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

ChineseScriptFolder::ChineseScriptFolder() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    check_icu(status, "creating the Traditional-Simplified transliterator");
}

ChineseScriptFolder::~ChineseScriptFolder() = default;

std::string ChineseScriptFolder::to_simplified(std::string_view text) {
    icu::UnicodeString unicode = to_unicode(text);
    transliterator_->transliterate(unicode);
    return to_utf8(unicode);
}

}  // namespace anticipa::analysis
