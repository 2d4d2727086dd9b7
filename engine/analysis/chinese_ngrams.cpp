#include "analysis/chinese_ngrams.h"

#include "common/utf8.h"

#include <cstdint>
#include <optional>
#include <string>

namespace anticipa::analysis {

namespace {

/// Byte offsets of each code point start in `text`, plus the end.
std::vector<std::uint32_t> code_point_offsets(std::string_view text) {
    std::vector<std::uint32_t> offsets;
    for (std::uint32_t i = 0; i < text.size(); ++i)
        if (!is_continuation_byte(text[i])) offsets.push_back(i);
    offsets.push_back(static_cast<std::uint32_t>(text.size()));
    return offsets;
}

/// One word's characters: where each lies in its term and in the text it came from. Folding to
/// Simplified or NFKC may change a character's length ("𠀀" vs its source); when the counts no
/// longer agree, every n-gram of the word points at the whole word's bytes.
class WordCharacters {
  public:
    WordCharacters(const Token& word, std::string_view text)
        : word_(word),
          term_(code_point_offsets(word.term)),
          source_(code_point_offsets(text.substr(word.begin, word.end - word.begin))),
          aligned_(source_.size() == term_.size()) {}

    std::size_t size() const { return term_.size() - 1; }
    /// Characters [from, to) of the term.
    std::string chars(std::size_t from, std::size_t to) const {
        return word_.term.substr(term_[from], term_[to] - term_[from]);
    }
    std::uint32_t begin_of(std::size_t i) const { return aligned_ ? word_.begin + source_[i] : word_.begin; }
    std::uint32_t end_of(std::size_t i) const { return aligned_ ? word_.begin + source_[i] : word_.end; }

  private:
    const Token& word_;
    std::vector<std::uint32_t> term_, source_;
    bool aligned_;
};

Token ngram(std::string term, std::uint32_t position, std::uint32_t begin, std::uint32_t end) {
    Token token;
    token.term = std::move(term);
    token.stem = token.term;
    token.position = position;
    token.begin = begin;
    token.end = end;
    token.kind = TokenKind::NGRAM;
    return token;
}

/// The last character of the previous word, while the words run on without a gap.
struct PreviousWord {
    std::string last_character;
    std::uint32_t last_character_begin = 0;
    std::uint32_t position = 0;
    std::uint32_t end = 0;
};

}  // namespace

bool is_character(const Token& token) {
    return token.kind == TokenKind::NGRAM && count_code_points(token.term) == 1;
}

std::vector<Token> with_chinese_ngrams(std::vector<Token> words, std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(words.size());
    std::optional<PreviousWord> previous;  // none: the previous token was not a Chinese word
    for (Token& word : words) {
        tokens.push_back(std::move(word));
        const Token& current = tokens.back();
        if (current.kind != TokenKind::IDEOGRAPHIC) {
            previous.reset();
            continue;
        }
        const WordCharacters chars(current, text);
        const std::size_t length = chars.size();
        const std::uint32_t position = current.position, begin = current.begin;
        if (length == 0) continue;

        // The bigram across the boundary belongs to the previous word, as a word's own bigrams do.
        std::vector<Token> added;
        if (previous && previous->end == begin)
            added.push_back(ngram(previous->last_character + chars.chars(0, 1), previous->position,
                                  previous->last_character_begin, chars.end_of(1)));
        previous = PreviousWord{chars.chars(length - 1, length), chars.begin_of(length - 1), position, current.end};

        // Every character, one-character words included (a query's 稻 meets the article's 稻子).
        for (std::size_t i = 0; i < length; ++i)
            added.push_back(ngram(chars.chars(i, i + 1), position, chars.begin_of(i), chars.end_of(i + 1)));
        // Two characters or fewer: the word is its own bigram. Longer: its overlapping bigrams, so
        // 简单 (a query word) still meets 安装简单 (one word in an article).
        if (length > 2)
            for (std::size_t i = 0; i + 2 <= length; ++i)
                added.push_back(ngram(chars.chars(i, i + 2), position, chars.begin_of(i), chars.end_of(i + 2)));
        for (Token& token : added) tokens.push_back(std::move(token));
    }
    return tokens;
}

}  // namespace anticipa::analysis
