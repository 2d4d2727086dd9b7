#include "analysis/analyzer.h"

#include "analysis/normalizer.h"
#include "analysis/segmenter.h"
#include "common/content_hash.h"
#include "common/utf8.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_map>

namespace anticipa::analysis {

namespace {

/// Bumped whenever a change here changes the terms made from the same text.
constexpr const char* ANALYZER_VERSION = "anticipa-analyzer-2";

/// ICU break iterators, ICU transliterators and Xapian stemmers keep state while they work, so
/// each thread gets its own, made once per analyzer and thread.
struct ThreadScratch {
    std::unique_ptr<IcuSegmenter> segmenter;
    std::unique_ptr<ChineseScriptFolder> chinese;
    Xapian::Stem stem;
};

ThreadScratch& scratch_for(std::uint64_t id, const AnalysisProfile& profile) {
    thread_local std::unordered_map<std::uint64_t, ThreadScratch> scratches;
    ThreadScratch& scratch = scratches[id];
    if (!scratch.segmenter) {
        scratch.segmenter = std::make_unique<IcuSegmenter>(profile.locale);
        if (profile.fold_chinese_script) scratch.chinese = std::make_unique<ChineseScriptFolder>();
        if (profile.stemmer != "none") scratch.stem = Xapian::Stem(profile.stemmer);
    }
    return scratch;
}

std::uint64_t next_instance_id() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

/// The key two tokens are compared by when matching stop words and synonyms: the stem of the
/// accent-free form, so "nao" meets "não" and "Invoices" meets "invoice".
const std::string& match_key(const Token& token) {
    return token.folded_stem.empty() ? token.stem : token.folded_stem;
}

/// Byte offsets of each code point start in `text`, plus the end.
std::vector<std::uint32_t> code_point_offsets(std::string_view text) {
    std::vector<std::uint32_t> offsets;
    for (std::uint32_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
    offsets.push_back(static_cast<std::uint32_t>(text.size()));
    return offsets;
}

/// Pieces of a word split at apostrophes ("dell'account" -> "dell", "account").
std::vector<std::pair<std::uint32_t, std::uint32_t>> split_at_apostrophes(std::string_view text, std::uint32_t begin,
                                                                          std::uint32_t end) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces;
    std::uint32_t start = begin;
    for (std::uint32_t i = begin; i < end;) {
        std::uint32_t width = text[i] == '\'' ? 1 : text.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0;  // ' or ’
        if (width == 0) {
            ++i;
            continue;
        }
        if (i > start) pieces.emplace_back(start, i);
        i += width;
        start = i;
    }
    if (end > start) pieces.emplace_back(start, end);
    return pieces;
}

}  // namespace

void SynonymTable::add_group(std::vector<Phrase> phrases) {
    if (phrases.size() >= 2) groups_.push_back(std::move(phrases));
}

bool is_character(const Token& token) {
    return token.kind == TokenKind::NGRAM && count_code_points(token.term) == 1;
}

bool SynonymTable::same_phrase(const Phrase& phrase, const std::vector<Token>& tokens, std::size_t at,
                               std::size_t length) {
    if (phrase.size() != length || at + length > tokens.size()) return false;
    for (std::size_t k = 0; k < length; ++k)
        if (match_key(phrase[k]) != match_key(tokens[at + k])) return false;
    return true;
}

std::optional<SynonymTable::Match> SynonymTable::match(const std::vector<Token>& tokens, std::size_t at) const {
    std::optional<Match> best;
    for (std::size_t g = 0; g < groups_.size(); ++g)
        for (const Phrase& phrase : groups_[g]) {
            if (phrase.empty() || (best && phrase.size() <= best->length)) continue;
            if (same_phrase(phrase, tokens, at, phrase.size())) best = Match{g, phrase.size()};
        }
    return best;
}

std::string analyzer_versions() {
    return std::string(ANALYZER_VERSION) + ", ICU " + U_ICU_VERSION + ", Xapian " + Xapian::version_string();
}

Analyzer::Analyzer(AnalysisProfile profile) : profile_(std::move(profile)), instance_id_(next_instance_id()) {
    fingerprint_ = content_hash(std::string(ANALYZER_VERSION) + "|" + profile_.stemmer + "|" +
                                (profile_.split_apostrophes ? "apostrophes" : "") + "|" +
                                (profile_.fold_chinese_script ? "chinese" : "") + "|icu" + U_ICU_VERSION + "|xapian" +
                                Xapian::version_string());
    // Stop words and synonyms go through the same chain as text; they only shape queries, so
    // editing them needs no re-index (they are not part of the fingerprint).
    for (const auto& word : profile_.stopwords)
        for (const Token& token : analyze(word)) stopwords_.insert(match_key(token));
    for (const auto& line : profile_.synonym_groups) {
        std::vector<SynonymTable::Phrase> phrases;
        for (const auto& text : line) {
            SynonymTable::Phrase phrase;
            for (Token& token : analyze(text))
                if (token.kind != TokenKind::NGRAM) phrase.push_back(std::move(token));
            if (!phrase.empty()) phrases.push_back(std::move(phrase));
        }
        synonyms_.add_group(std::move(phrases));
    }
}

std::vector<Token> Analyzer::analyze(std::string_view text, std::uint32_t first_position) const {
    ThreadScratch& scratch = scratch_for(instance_id_, profile_);
    std::vector<Token> tokens;
    std::uint32_t position = first_position;

    // Chinese is folded to Simplified before segmentation, so both scripts are cut into the same
    // words (怎麼辦 and 怎么办 alike). The byte offsets stay valid when the folding kept every
    // character's length, which ICU's mapping does for all but a few rare characters; otherwise
    // each word is folded on its own after segmentation.
    std::string simplified;
    bool folded_whole_text = false;
    if (scratch.chinese && has_han(text)) {
        simplified = scratch.chinese->to_simplified(text);
        folded_whole_text =
            simplified.size() == text.size() && code_point_offsets(simplified) == code_point_offsets(text);
    }
    const std::string_view source = folded_whole_text ? std::string_view(simplified) : text;

    // Chinese is also cut into character n-grams, as n-gram engines cut it, so a word still
    // matches where the dictionary cut the article's text differently from the query's:
    // 稻子 meets 稻穀 through 稻, and 铁幕 meets 「铁幕」 or 的铁幕 through bigrams.
    auto add_ngram = [&](std::string term, std::uint32_t word_position, std::uint32_t from, std::uint32_t to) {
        Token ngram;
        ngram.term = std::move(term);
        ngram.stem = ngram.term;
        ngram.position = word_position;
        ngram.begin = from;
        ngram.end = to;
        ngram.kind = TokenKind::NGRAM;
        tokens.push_back(std::move(ngram));
    };
    std::string last_character;  // of the previous Chinese word
    std::uint32_t last_character_begin = 0;
    std::optional<std::uint32_t> last_word_position;  // none: the previous token was not a Chinese word
    std::uint32_t last_word_end = 0;

    auto emit = [&](std::uint32_t begin, std::uint32_t end, TokenKind kind) {
        std::string_view original = source.substr(begin, end - begin);
        Token token;
        token.term = normalize_word(original);
        if (scratch.chinese && !folded_whole_text && (kind == TokenKind::IDEOGRAPHIC || has_han(token.term)))
            token.term = scratch.chinese->to_simplified(token.term);
        token.position = position++;
        token.begin = begin;
        token.end = end;
        token.kind = kind;
        if (kind == TokenKind::WORD) {
            token.stem = scratch.stem(token.term);
            std::string folded = fold_accents(token.term);
            if (folded != token.term) token.folded_stem = scratch.stem(folded);
        } else {
            token.stem = token.term;
        }
        token.stop = stopwords_.count(match_key(token)) > 0;
        tokens.push_back(token);

        if (kind != TokenKind::IDEOGRAPHIC) {
            last_word_position.reset();
            return;
        }
        auto term_chars = code_point_offsets(token.term);
        auto source_chars = code_point_offsets(original);
        const bool aligned = source_chars.size() == term_chars.size();
        auto source_begin = [&](std::size_t i) { return aligned ? begin + source_chars[i] : begin; };
        auto source_end = [&](std::size_t i) { return aligned ? begin + source_chars[i] : end; };
        auto chars = [&](std::size_t from, std::size_t to) {
            return token.term.substr(term_chars[from], term_chars[to] - term_chars[from]);
        };
        const std::size_t length = term_chars.size() - 1;

        // The bigram across the boundary with the previous word, when nothing stands between
        // them; it belongs to the previous word (as a word's own bigrams do).
        if (last_word_position && last_word_end == begin)
            add_ngram(last_character + chars(0, 1), *last_word_position, last_character_begin, source_end(1));
        last_character = chars(length - 1, length);
        last_character_begin = source_begin(length - 1);
        last_word_position = token.position;
        last_word_end = end;

        // Every character, one-character words included (a query's 稻 meets the article's 稻子).
        for (std::size_t i = 0; i < length; ++i)
            add_ngram(chars(i, i + 1), token.position, source_begin(i), source_end(i + 1));

        // A dictionary word of three or more characters also yields its overlapping bigrams,
        // so 简单 (a query word) still meets 安装简单 (segmented as one word in an article).
        if (length <= 2) return;  // two characters or fewer: the word is its own bigram
        for (std::size_t i = 0; i + 2 <= length; ++i)
            add_ngram(chars(i, i + 2), token.position, source_begin(i), source_end(i + 2));
    };

    for (const Segment& segment : scratch.segmenter->segment(source)) {
        if (profile_.split_apostrophes && segment.kind == TokenKind::WORD) {
            for (auto [begin, end] : split_at_apostrophes(source, segment.begin, segment.end))
                emit(begin, end, segment.kind);
        } else {
            emit(segment.begin, segment.end, segment.kind);
        }
    }
    return tokens;
}

}  // namespace anticipa::analysis
