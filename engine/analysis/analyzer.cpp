#include "analysis/analyzer.h"

#include "analysis/chinese_ngrams.h"
#include "analysis/normalizer.h"
#include "analysis/segmenter.h"
#include "common/content_hash.h"
#include "common/utf8.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <memory>
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

/// Pieces of a word split at apostrophes ("dell'account" -> "dell", "account").
std::vector<Segment> split_at_apostrophes(std::string_view text, const Segment& word) {
    std::vector<Segment> pieces;
    std::uint32_t start = word.begin;
    for (std::uint32_t i = word.begin; i < word.end;) {
        std::uint32_t width = text[i] == '\'' ? 1 : text.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0;  // ' or ’
        if (width == 0) {
            ++i;
            continue;
        }
        if (i > start) pieces.push_back({start, i, word.kind});
        i += width;
        start = i;
    }
    if (word.end > start) pieces.push_back({start, word.end, word.kind});
    return pieces;
}

/// Whether every character kept its byte length in `folded`, so byte ranges found in one are
/// valid in the other.
bool same_layout(std::string_view folded, std::string_view text) {
    if (folded.size() != text.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (is_continuation_byte(folded[i]) != is_continuation_byte(text[i])) return false;
    return true;
}

/// The text segmentation sees: folded to Simplified as a whole when that kept every byte range.
struct ScriptFolded {
    std::string text;             ///< "" when the original text is segmented
    bool fold_each_word = false;  ///< the whole text could not be folded: fold word by word
};

// Stage 1: Chinese is folded to Simplified before segmentation, so both scripts are cut into the
// same words (怎麼辦 and 怎么办 alike). The byte ranges stay valid when the folding kept every
// character's length, which ICU's mapping does for all but a few rare characters; otherwise each
// word is folded on its own in stage 3.
ScriptFolded fold_script_of_text(std::string_view text, ChineseScriptFolder* chinese) {
    ScriptFolded folded;
    if (chinese && has_han(text)) {
        std::string simplified = chinese->to_simplified(text);
        if (same_layout(simplified, text)) folded.text = std::move(simplified);
        folded.fold_each_word = folded.text.empty();
    }
    return folded;
}

// Stage 2: ICU's word boundaries; Italian and French elision split at the apostrophe. Positions
// count the words.
std::vector<Token> segment_words(std::string_view text, IcuSegmenter& segmenter, bool split_apostrophes,
                                 std::uint32_t first_position) {
    std::vector<Token> words;
    auto add = [&](const Segment& segment) {
        Token& word = words.emplace_back();
        word.position = first_position + static_cast<std::uint32_t>(words.size() - 1);
        word.begin = segment.begin;
        word.end = segment.end;
        word.kind = segment.kind;
    };
    for (const Segment& segment : segmenter.segment(text)) {
        if (!split_apostrophes || segment.kind != TokenKind::WORD) add(segment);
        else
            for (const Segment& piece : split_at_apostrophes(text, segment)) add(piece);
    }
    return words;
}

// Stage 3: NFKC + case folding ("ＣＯＮＦＩＧ" -> "config"); a Chinese word the whole text could
// not be folded for is folded here.
void normalize(Token& word, std::string_view text, bool fold_script, ChineseScriptFolder* chinese) {
    word.term = normalize_word(text.substr(word.begin, word.end - word.begin));
    if (chinese && fold_script && (word.kind == TokenKind::IDEOGRAPHIC || has_han(word.term)))
        word.term = chinese->to_simplified(word.term);
}

// Stage 4: the Snowball stem, and the stem of the accent-free form when the word has accents
// ("configuração" -> "configur", "configurac"). Other kinds are their own stem.
void stem(Token& word, const Xapian::Stem& stemmer) {
    if (word.kind != TokenKind::WORD) {
        word.stem = word.term;
        return;
    }
    word.stem = stemmer(word.term);
    const std::string folded = fold_accents(word.term);
    if (folded != word.term) word.folded_stem = stemmer(folded);
}

}  // namespace

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
    const ScriptFolded folded = fold_script_of_text(text, scratch.chinese.get());  // 1
    const std::string_view source = folded.text.empty() ? text : folded.text;
    std::vector<Token> words =
        segment_words(source, *scratch.segmenter, profile_.split_apostrophes, first_position);  // 2
    for (Token& word : words) {
        normalize(word, source, folded.fold_each_word, scratch.chinese.get());  // 3
        stem(word, scratch.stem);                                               // 4
        word.stop = stopwords_.count(match_key(word)) > 0;                      // 5
    }
    const bool ideographic =
        std::any_of(words.begin(), words.end(), [](const Token& word) { return word.kind == TokenKind::IDEOGRAPHIC; });
    if (!ideographic) return words;
    return with_chinese_ngrams(std::move(words), source);  // 6
}

}  // namespace anticipa::analysis
