#include "bench/text_model.h"

#include "common/icu_check.h"

#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

#include <cctype>

namespace anticipa::bench {

namespace {

const std::vector<std::string_view> SENTENCE_ENDS{".", "?", "!", "\xE3\x80\x82", "\xEF\xBC\x9F", "\xEF\xBC\x81"};
const std::vector<std::string_view> TRAILING_PUNCTUATION{".",
                                                         ",",
                                                         ";",
                                                         ":",
                                                         "!",
                                                         "?",
                                                         "\xE3\x80\x82",
                                                         "\xEF\xBC\x8C",
                                                         "\xEF\xBC\x9B",
                                                         "\xEF\xBC\x9A",
                                                         "\xEF\xBC\x81",
                                                         "\xEF\xBC\x9F",
                                                         "\xE3\x80\x81"};  // 。，；：！？、

std::string_view trim_right(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

void strip_trailing_punctuation(std::string& text) {
    for (bool stripped = true; stripped;) {
        stripped = false;
        text.resize(trim_right(text).size());
        for (std::string_view mark : TRAILING_PUNCTUATION) {
            if (text.size() > mark.size() && text.ends_with(mark)) {
                text.resize(text.size() - mark.size());
                stripped = true;
            }
        }
    }
}

template <typename T>
const T& pick(const std::vector<T>& items, std::mt19937_64& rng) {
    return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

}  // namespace

bool ends_sentence(std::string_view piece) {
    piece = trim_right(piece);
    for (std::string_view mark : SENTENCE_ENDS)
        if (piece.ends_with(mark)) return true;
    return false;
}

std::string escape_markdown(std::string_view text) {
    static const std::string_view MARKUP = "\\`*_[]<>#|~&";
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool starts_block = (i == 0 && (c == '-' || c == '+' || c == '=' || c == '>')) ||
                                  (i == digits && digits > 0 && (c == '.' || c == ')'));
        if (starts_block || MARKUP.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

TextModel::TextModel(const std::string& locale, bool spaced) : spaced_(spaced) {
    if (spaced_) return;
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::forLanguageTag(locale, status), status));
    check_icu(status, "creating the benchmark's word break iterator");
}

TextModel::~TextModel() = default;
TextModel::TextModel(TextModel&&) noexcept = default;

std::uint32_t TextModel::id_of(const std::string& piece) {
    auto [it, inserted] = ids_.emplace(piece, static_cast<std::uint32_t>(pieces_.size()));
    if (inserted) {
        pieces_.push_back(piece);
        next_.emplace_back();
    }
    return it->second;
}

std::vector<std::string> TextModel::split(std::string_view line) {
    std::vector<std::string> pieces;
    if (spaced_) {
        for (std::size_t at = 0; at < line.size();) {
            std::size_t end = line.find_first_of(" \t", at);
            if (end == std::string_view::npos) end = line.size();
            if (end > at) pieces.emplace_back(line.substr(at, end - at));
            at = end + 1;
        }
        return pieces;
    }
    // Chinese: each dictionary word is a piece; punctuation and spaces stay on the word before
    // them ("帳號，"), so joining pieces with no separator gives back natural text.
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    words_->setText(unicode);
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        std::string segment;
        unicode.tempSubStringBetween(start, end).toUTF8String(segment);
        const bool is_word = words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
        if (is_word || pieces.empty()) {
            if (!trim_right(segment).empty()) pieces.push_back(segment);
        } else {
            pieces.back() += segment;
        }
    }
    return pieces;
}

void TextModel::train(std::string_view text) {
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::vector<std::string> pieces = split(text.substr(at, end - at));
        at = end + 1;
        bool sentence_start = true;
        std::uint32_t previous = 0;
        for (const std::string& piece : pieces) {
            std::uint32_t id = id_of(piece);
            if (sentence_start) starts_.push_back(id);
            else next_[previous].push_back(id);
            previous = id;
            sentence_start = ends_sentence(piece);
        }
    }
}

std::string TextModel::sentence(std::mt19937_64& rng, std::size_t min_pieces, std::size_t max_pieces,
                                bool keep_end) const {
    const std::size_t length = std::uniform_int_distribution<std::size_t>(min_pieces, max_pieces)(rng);
    std::string out;
    std::uint32_t id = pick(starts_, rng);
    for (std::size_t count = 1;; ++count) {
        if (spaced_ && !out.empty()) out += ' ';
        out += pieces_[id];
        const bool ended = ends_sentence(pieces_[id]);
        if ((ended && count >= min_pieces) || count >= length || next_[id].empty()) break;
        // A sentence that ends too early goes on with a new one, as a writer would.
        id = ended ? pick(starts_, rng) : pick(next_[id], rng);
    }
    out.resize(trim_right(out).size());
    if (!keep_end) strip_trailing_punctuation(out);
    else if (!ends_sentence(out)) out += spaced_ ? "." : "\xE3\x80\x82";
    return out;
}

}  // namespace anticipa::bench
