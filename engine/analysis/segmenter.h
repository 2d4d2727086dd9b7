// Analysis stage 1: text -> word segments with byte ranges (ICU word break rules, with ICU's
// dictionary for Chinese and Japanese).
#pragma once

#include "analysis/token.h"

#include <unicode/brkiter.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace anticipa::analysis {

struct Segment {
    std::uint32_t begin = 0;  ///< byte range in the text
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::WORD;
};

/// Splits text into words. Segment boundaries come from ICU in UTF-16 units and are mapped back
/// to UTF-8 byte offsets so snippets can highlight the original text.
class IcuSegmenter {
  public:
    explicit IcuSegmenter(const std::string& locale);
    ~IcuSegmenter();

    /// Words only: spaces, punctuation and symbols are dropped. Not thread-safe; one per thread.
    std::vector<Segment> segment(std::string_view text);

  private:
    std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace anticipa::analysis
