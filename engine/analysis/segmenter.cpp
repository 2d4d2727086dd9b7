#include "analysis/segmenter.h"

#include "common/icu_check.h"

#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/unistr.h>

namespace anticipa::analysis {

namespace {

std::uint32_t utf8_length(UChar32 c) {
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/// Walks UTF-16 indices forward and keeps the matching UTF-8 byte offset. Boundaries arrive in
/// increasing order, so the whole text is walked once.
class OffsetMapper {
  public:
    explicit OffsetMapper(const icu::UnicodeString& text) : text_(text) {}
    std::uint32_t byte_offset(int32_t utf16_index) {
        while (index_ < utf16_index) {
            UChar32 c = text_.char32At(index_);
            index_ += U16_LENGTH(c);
            bytes_ += utf8_length(c);
        }
        return bytes_;
    }

  private:
    const icu::UnicodeString& text_;
    int32_t index_ = 0;
    std::uint32_t bytes_ = 0;
};

}  // namespace

IcuSegmenter::IcuSegmenter(const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::forLanguageTag(locale, status), status));
    check_icu(status, "creating the word break iterator");
}

IcuSegmenter::~IcuSegmenter() = default;

std::vector<Segment> IcuSegmenter::segment(std::string_view text) {
    std::vector<Segment> segments;
    icu::UnicodeString unicode =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    words_->setText(unicode);
    OffsetMapper offsets(unicode);
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        int32_t status = words_->getRuleStatus();
        if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, symbols
        Segment segment;
        segment.begin = offsets.byte_offset(start);
        segment.end = offsets.byte_offset(end);
        if (status >= UBRK_WORD_KANA) segment.kind = TokenKind::IDEOGRAPHIC;
        else if (status < UBRK_WORD_NUMBER_LIMIT) segment.kind = TokenKind::NUMBER;
        segments.push_back(segment);
    }
    return segments;
}

}  // namespace anticipa::analysis
