// Analysis stage: the token, what every stage of analysis produces and the index and queries consume.
#pragma once

#include <cstdint>
#include <string>

namespace anticipa::analysis {

enum class TokenKind {
    WORD,         ///< letters (any alphabetic script)
    NUMBER,       ///< digits, possibly with letters ("2fa" counts as a word)
    IDEOGRAPHIC,  ///< a Chinese (or Japanese) dictionary word
    NGRAM,        ///< a character of an ideographic word, a bigram of a longer one, or across two
};

struct Token {
    std::string term;            ///< NFKC, case-folded; Chinese folded to Simplified: "configuração", "简单"
    std::string stem;            ///< Snowball stem of term; equals term where there is no stemmer
    std::string folded_stem;     ///< stem of the accent-free form; "" when the term has no accents
    std::uint32_t position = 0;  ///< word position (n-grams share their word's position)
    std::uint32_t begin = 0;     ///< byte range of the token in the analyzed text
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::WORD;
    bool stop = false;  ///< a stop word of the locale: indexed, but dropped from queries
};

}  // namespace anticipa::analysis
