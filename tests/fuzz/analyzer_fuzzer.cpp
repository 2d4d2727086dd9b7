// Fuzzing: the analyzer of every locale (the folders of locales/, and Snowball languages without
// one) on any bytes, invalid UTF-8 included: article files and `anticipa search` hand it text no
// HTTP check has seen. Promises: never throws; every token's byte range lies inside the text;
// terms are non-empty valid UTF-8 (Xapian stores them, JSON writers refuse anything else).
#include "analysis/analyzer_set.h"
#include "common/utf8.h"
#include "fuzz_input.h"

#include <algorithm>
#include <vector>

using namespace anticipa;

namespace {

struct Analyzers {
    analysis::AnalyzerSet set{fuzz::source_dir() / "locales"};
    std::vector<std::string> locales;

    Analyzers() {
        for (const auto& entry : std::filesystem::directory_iterator(fuzz::source_dir() / "locales"))
            if (entry.is_directory()) locales.push_back(entry.path().filename().string());
        std::sort(locales.begin(), locales.end());  // the same choice byte picks the same locale every run
        for (const char* snowball_only : {"de", "fr", "nl"}) locales.push_back(snowball_only);
        for (const auto& locale : locales) set.for_locale(locale);  // profiles load once, before fuzzing
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Analyzers analyzers;
    fuzz::FuzzInput input(data, size);
    const std::string& locale = analyzers.locales[input.choose(analyzers.locales.size())];
    const std::string_view text = input.rest();
    if (fuzz::utf8_only() && find_invalid_utf8(text) != std::string::npos) return 0;
    const auto tokens = analyzers.set.for_locale(locale).analyze(text);
    for (const auto& token : tokens) {
        fuzz::require(token.begin <= token.end && token.end <= text.size(), "a token's bytes lie inside the text");
        fuzz::require(!token.term.empty(), "a token has a term");
        fuzz::require(
            find_invalid_utf8(token.term) == std::string::npos && find_invalid_utf8(token.stem) == std::string::npos,
            "terms and stems are valid UTF-8");
    }
    return 0;
}
