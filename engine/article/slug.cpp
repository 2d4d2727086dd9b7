#include "article/slug.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace anticipa::article {

std::string slugify(std::string_view heading) {
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(heading.data(), static_cast<int32_t>(heading.size())));
    text.foldCase();
    icu::UnicodeString slug;
    bool pending_hyphen = false;
    for (int32_t i = 0; i < text.length();) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        // Combining marks of any kind stay: Hindi or Thai vowel signs are part of the word.
        if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) {
            if (pending_hyphen && !slug.isEmpty()) slug.append(u'-');
            pending_hyphen = false;
            slug.append(c);
        } else {
            pending_hyphen = true;
        }
    }
    std::string out;
    slug.toUTF8String(out);
    return out.empty() ? "section" : out;
}

std::string take_explicit_anchor(std::string& heading) {
    auto end = heading.find_last_not_of(" \t");
    if (end == std::string::npos || heading[end] != '}') return "";
    auto open = heading.rfind("{#", end);
    if (open == std::string::npos) return "";
    std::string anchor = heading.substr(open + 2, end - open - 2);
    // A link must be able to name it: no braces, spaces or control characters (which would also
    // land unescaped in id attributes and deep links).
    const bool linkable = std::none_of(anchor.begin(), anchor.end(),
                                       [](unsigned char c) { return c <= ' ' || c == 0x7f || c == '{' || c == '}'; });
    if (anchor.empty() || !linkable) return "";
    heading.erase(open);
    while (!heading.empty() && (heading.back() == ' ' || heading.back() == '\t')) heading.pop_back();
    return anchor;
}

std::string unique_anchor(std::string anchor, std::set<std::string>& used) {
    std::string candidate = anchor;
    for (int n = 2; used.count(candidate); ++n) candidate = anchor + "-" + std::to_string(n);
    used.insert(candidate);
    return candidate;
}

}  // namespace anticipa::article
