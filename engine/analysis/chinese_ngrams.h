// Analysis stage 6: Chinese words -> their character n-grams, appended after each word.
// ICU's dictionary cuts a text into words one way; an article and a question about it are often
// cut differently (安装简单 as one word, 简单 as another). Character n-grams, as n-gram engines
// index Chinese, let them still meet: 稻子 meets 稻穀 through 稻, and 铁幕 meets 「铁幕」 or 的铁幕
// through bigrams.
#pragma once

#include "analysis/token.h"

#include <string_view>
#include <vector>

namespace anticipa::analysis {

/// True for the n-gram of one Chinese character. Characters are indexed under a prefix of their
/// own: the character inside 稻子 should not count as the one-character word 稻.
bool is_character(const Token& token);

/// Adds after each ideographic word of `tokens` (made from `text`, whose byte ranges they hold):
/// the bigram across its boundary with the previous word when nothing stands between them
/// (belonging to the previous word's position), every character of it, and, for words of three
/// or more characters, their overlapping bigrams. N-grams share their word's position.
std::vector<Token> with_chinese_ngrams(std::vector<Token> words, std::string_view text);

}  // namespace anticipa::analysis
