// Benchmark: sample articles of one locale -> a word-level Markov chain that writes new text in
// the same language, with the same vocabulary and word frequencies.
#pragma once

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anticipa::bench {

/// An order-1 (bigram) Markov chain over "pieces": whitespace-separated words with their
/// punctuation for spaced scripts ("senha,"), ICU word segments for Chinese ("帳號", "，").
class TextModel {
  public:
    /// `spaced`: the language puts spaces between words (false for Chinese and Japanese).
    TextModel(const std::string& locale, bool spaced);
    ~TextModel();
    TextModel(TextModel&&) noexcept;

    /// Learns from plain text; sentences never continue across lines.
    void train(std::string_view text);

    /// A sentence of `min_pieces` to `max_pieces` pieces (fewer when the chain runs dry), ended
    /// by its punctuation when `keep_end` and stripped of it otherwise (titles, headings).
    std::string sentence(std::mt19937_64& rng, std::size_t min_pieces, std::size_t max_pieces, bool keep_end) const;

    bool empty() const { return starts_.empty(); }
    bool spaced() const { return spaced_; }

  private:
    std::uint32_t id_of(const std::string& piece);
    std::vector<std::string> split(std::string_view line);

    bool spaced_;
    std::unique_ptr<icu::BreakIterator> words_;  ///< segments unspaced scripts
    std::vector<std::string> pieces_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::vector<std::uint32_t>> next_;  ///< successors with repetition = frequency
    std::vector<std::uint32_t> starts_;             ///< pieces that begin a line or a sentence
};

/// True when a piece closes a sentence ("ano.", "嗎？").
bool ends_sentence(std::string_view piece);

/// Backslash-escapes what CommonMark would read as markup, so the loader's plain text is the
/// generated text: "*" "_" "[" "<" "`" ... anywhere, "1." "-" "#" at the start of a line.
std::string escape_markdown(std::string_view text);

}  // namespace anticipa::bench
