#include "analysis/segmenter.h"

#include "common/icu_check.h"

#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace anticipa::analysis {

namespace {

/// Walks UTF-16 indices forward and keeps the matching byte offset in the UTF-8 text they were
/// decoded from. Boundaries arrive in increasing order, so the whole text is walked once. The
/// bytes are stepped with U8_NEXT, which consumes an invalid sequence exactly as fromUTF8 turned
/// it into one U+FFFD (ICU's "maximal subpart" rule): "\x9fin" is U+FFFD at byte 0 and "in" at
/// 1..3, not at 3..5 as counting U+FFFD's own 3 bytes would say, past the end of the text.
class OffsetMapper {
  public:
    OffsetMapper(std::string_view utf8, const icu::UnicodeString& utf16) : utf8_(utf8), utf16_(utf16) {}
    std::uint32_t byte_offset(int32_t utf16_index) {
        const auto length = static_cast<int32_t>(utf8_.size());
        while (index_ < utf16_index && bytes_ < length) {
            index_ += U16_LENGTH(utf16_.char32At(index_));
            UChar32 ignored;
            U8_NEXT(utf8_.data(), bytes_, length, ignored);
        }
        return static_cast<std::uint32_t>(bytes_);
    }

  private:
    std::string_view utf8_;
    const icu::UnicodeString& utf16_;
    int32_t index_ = 0;
    int32_t bytes_ = 0;
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
    OffsetMapper offsets(text, unicode);
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
