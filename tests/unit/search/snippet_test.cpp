// Search stage: snippets alone, as one golden line each — the window the matched words fall in,
// cut at word and character boundaries, with the matches between [ and ].
#include "search/snippet.h"
#include "search/snippet_cache.h"
#include "analysis/synonym_table.h"
#include "support/analysis_profiles.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace anticipa;

namespace {

/// The match keys a query's words give, as the query builder collects them for highlighting.
std::set<std::string> keys_of(const analysis::Analyzer& analyzer, const std::string& query) {
    std::set<std::string> keys;
    for (const auto& token : analyzer.analyze(query))
        if (!token.stop) keys.insert(analysis::match_key(token));
    return keys;
}

std::string golden(const analysis::Analyzer& analyzer, const std::string& text, const std::string& query,
                   const std::string& prefix = "", search::SnippetOptions options = {}) {
    return search::snippet_marked(search::make_snippet(text, analyzer, keys_of(analyzer, query), prefix, options), "[",
                                  "]");
}

}  // namespace

TEST_CASE("Snippet: golden lines, one per case", "[search][unit]") {
    const analysis::Analyzer en(test::analysis_profile("en", "english"));
    const analysis::Analyzer pt(test::analysis_profile("pt", "portuguese"));
    const analysis::Analyzer zh(test::analysis_profile("zh-CN", "none"));
    const std::string filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ";
    std::string long_text;
    for (int i = 0; i < 4; ++i) long_text += filler;
    long_text += "To reset your password, open Settings and choose Reset password. ";
    for (int i = 0; i < 4; ++i) long_text += filler;

    struct Case {
        const char* name;
        std::string line, expected;
    };
    const std::vector<Case> cases{
        {"short text, stems match", golden(en, "Reset your password\nfrom the sign-in page.", "resetting passwords"),
         "[Reset] your [password] from the sign-in page."},
        {"accents need not match", golden(pt, "Para redefinir a senha, abra Configurações.", "configuracoes senha"),
         "Para redefinir a [senha], abra [Configurações]."},
        {"no match: the start of the text",
         golden(en, "Invoices are sent every month.\nDownload them from Billing.", "password"),
         "Invoices are sent every month. Download them from Billing."},
        {"the last word typed, as a prefix", golden(en, "Export your invoices as PDF.", "", "inv"),
         "Export your [invoices] as PDF."},
        {"the window holding the matches, cut at words", golden(en, long_text, "reset password", "", {.max_bytes = 80}),
         "\xE2\x80\xA6"
         "eiusmod tempor. To [reset] your [password], open Settings and choose [Reset] "
         "[password].\xE2\x80\xA6"},
        {"Chinese words found by the analyzer's byte ranges", golden(zh, "如何重置密码？请打开设置。", "密码"),
         "如何重置[密码]？请打开设置。"},
        {"a cut inside a character moves back to its start",
         golden(zh, "重置密码重置密码重置密码重置密码", "", "", {.max_bytes = 10}), "重置密\xE2\x80\xA6"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(c.line == c.expected);
    }
}

TEST_CASE("Snippet: as HTML the text is escaped and the matches marked", "[search][unit]") {
    const analysis::Analyzer en(test::analysis_profile("en", "english"));
    const search::Snippet snippet =
        search::make_snippet("Use <b>two-factor</b> & a password.", en, keys_of(en, "password"), "");
    CHECK(search::snippet_html(snippet) == "Use &lt;b&gt;two-factor&lt;/b&gt; &amp; a <mark>password</mark>.");
}

TEST_CASE("Snippet: an analysis kept for the next query gives the snippet a fresh analysis gives", "[search][unit]") {
    const analysis::Analyzer en(test::analysis_profile("en", "english"));
    const analysis::Analyzer en_unstemmed(test::analysis_profile("en", "none"));
    const std::string text = "To reset your password, open Settings and choose Reset password. Invoices are monthly.";
    search::SnippetAnalysisCache cache(2);
    auto marked = [](const search::Snippet& snippet) { return search::snippet_marked(snippet, "[", "]"); };
    auto cached = [&](const std::string& section, const analysis::Analyzer& analyzer, const std::string& query,
                      const std::string& prefix = "") {
        return marked(search::make_snippet(section, *cache.analysis(section, analyzer), keys_of(analyzer, query),
                                           prefix));
    };

    // Queries that share no word, and a prefix, each the same as analyzed afresh.
    for (const auto& [query, prefix] : std::vector<std::pair<std::string, std::string>>{
             {"resetting passwords", ""}, {"invoice", ""}, {"", "sett"}, {"nothing here", ""}}) {
        CAPTURE(query, prefix);
        CHECK(cached(text, en, query, prefix) ==
              marked(search::make_snippet(text, en, keys_of(en, query), prefix)));
    }
    CHECK(cache.stats().misses == 1);  // one analysis for the four queries
    CHECK(cache.stats().hits == 3);

    // Another text (a section changed by a new revision) or another analyzer is analyzed anew.
    const std::string changed = text + " Passwords expire yearly.";
    CHECK(cached(changed, en, "password") == marked(search::make_snippet(changed, en, keys_of(en, "password"), "")));
    CHECK(cached(text, en_unstemmed, "passwords") == "To reset your password, open Settings and choose Reset "
                                                     "password. Invoices are monthly.");  // no stem: no match
    CHECK(cache.stats().misses == 3);
    // Two kept: the first text, least recently used, made room for the others.
    CHECK(cached(text, en, "password").find("[password]") != std::string::npos);
    CHECK(cache.stats().misses == 4);
}
