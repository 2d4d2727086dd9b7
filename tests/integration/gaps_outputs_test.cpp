// Gaps stage, steps 3-5 through the real parts: the HTML report of a hand-built GapsReport, draft
// articles scaffolded into a temporary help center and checked by the collection checker and the
// `anticipa check` binary, and closed gaps replayed against a real Xapian index.
#include "article/article_loader.h"
#include "check/collection_checker.h"
#include "gaps/draft_scaffold.h"
#include "gaps/gap_verification.h"
#include "gaps/report_writers.h"
#include "index/indexer.h"
#include "search/search_service.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "support/text_count.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace anticipa;
using namespace anticipa::gaps;
using anticipa::test::TempDir;

namespace {

QuestionGroup group(std::string key, std::vector<Phrasing> phrasings, std::map<std::string, std::size_t> locales) {
    QuestionGroup g;
    g.key = std::move(key);
    g.label = phrasings.empty() ? "" : phrasings.front().text;
    g.phrasings = std::move(phrasings);
    g.locales = std::move(locales);
    for (const auto& [locale, searches] : g.locales) g.searches += searches;
    return g;
}

/// A week of traffic with customer text chosen to break a careless writer.
GapsReport hostile_report() {
    GapsReport report;
    report.since = std::chrono::sys_days{std::chrono::year{2026} / 11 / 15};
    report.until = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22};
    report.searches = 120;
    report.unresolved = 30;
    report.pending = 4;
    report.previous_searches = 100;
    report.previous_unresolved = 20;
    report.daily = {{"2026-11-15", 40, 10}, {"2026-11-16", 50, 12}, {"2026-11-17", 30, 8}};

    QuestionGroup attack =
        group("en:alert script", {{"<script>alert(1)</script>", "en", 6}, {"<img src=x onerror=alert(2)>", "en", 2}},
              {{"en", 8}});
    attack.unresolved = 8, attack.no_results = 5, attack.no_click = 2, attack.escalated = 1;
    attack.previous_unresolved = 4;
    attack.gap_kinds = {{GapKind::WRITING, 5}};
    attack.shown_not_helpful = {{"billing/<b>refunds</b>", 3}};
    QuestionGroup chinese =
        group("zh-TW:密碼 重設", {{std::string(40, 'x') + "如何重設密碼", "zh-TW", 3}}, {{"zh-TW", 3}});
    chinese.unresolved = 3, chinese.not_helpful = 3;
    report.gaps = {attack, chinese};
    report.top_questions = {attack, chinese};
    report.deflection = {{"/settings/\"><script>x</script>", 10, 6, 4}};
    report.not_helpful_articles = {{"reset-password", 1, 7, {"</td><script>steal()</script>", "too long"}}};
    report.translation_gaps = {{"pt", "pt:fatur", "<script>faturas</script>", 5}};
    report.entitlement_gaps = {{"basic", "en:sso", "set up <script>SSO</script>", 4},
                               {"standard", "en:audit", "audit log", 2}};
    report.stale_translations = {
        {Severity::WARNING, "stale_translation", "translated from <script>old</script>", "articles/pt/a.md", 1}};
    report.translations_checked_in = "articles";
    return report;
}

/// A help center in a temporary folder: articles, a real index, and the real search service.
struct HelpCenter {
    TempDir dir;
    analysis::AnalyzerSet analyzers{test::source_dir() / "locales"};

    void write(const std::string& path, const std::string& content) const { dir.write("articles/" + path, content); }
    std::filesystem::path articles() const { return dir / "articles"; }

    index::IndexSummary index() {
        index::IndexOptions options;
        options.index_dir = dir / "index";
        options.load.root = articles();
        return index::index_articles(options, analyzers);
    }
    search::SearchService service() { return search::SearchService({dir / "index", "en"}, analyzers); }
};

}  // namespace

TEST_CASE("HTML report: what customers typed comes out escaped, never as markup", "[gaps_outputs][integration]") {
    const std::string html = write_html(hostile_report());

    CHECK(html.find("<script") == std::string::npos);  // the page has no scripts of its own either
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    CHECK(html.find("&lt;/td&gt;&lt;script&gt;steal()&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("/settings/&quot;&gt;&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("billing/&lt;b&gt;refunds&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("HTML report: one offline page with both charts and every section", "[gaps_outputs][integration]") {
    const std::string html = write_html(hostile_report());

    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<meta name=\"viewport\"") != std::string::npos);
    CHECK(html.find("<title>Content plan 2026-11-15 to 2026-11-22 (all locales) · Anticipa</title>") !=
          std::string::npos);
    for (const std::string external : {"http://", "https://", "<link", "@import", "url("}) {
        CAPTURE(external);
        CHECK(html.find(external) == std::string::npos);
    }
    SECTION("the two charts are inline SVG: two bars a day, one row a gap") {
        CHECK(test::occurrences(html, "<svg") == 2);
        CHECK(html.find("Searches and unresolved searches per day (UTC)") != std::string::npos);
        CHECK(html.find(">11-16</text>") != std::string::npos);  // a date under the bars
        CHECK(html.find("Top gaps by unresolved searches") != std::string::npos);
        CHECK(html.find("Unresolved searches in this period") != std::string::npos);  // the value axis
        CHECK(test::occurrences(html, "fill=\"#c2410c\"") == 3 + 1);  // a day's unresolved bar each, and the legend
    }
    SECTION("every section of the model has its heading") {
        for (const std::string heading : {"Summary", "What to write next", "Top questions", "Deflection by route",
                                          "Articles most often not helpful", "Translation gaps",
                                          "Entitlement gaps by tier", "Stale and missing translations"}) {
            CAPTURE(heading);
            CHECK(html.find("<h2>" + heading + "</h2>") != std::string::npos);
        }
        CHECK(html.find("<h3>Tier basic</h3>") != std::string::npos);
        CHECK(html.find("<h3>Tier standard</h3>") != std::string::npos);
    }
    SECTION("trends compare with the previous period") {
        CHECK(html.find("▲ 50%</span>") != std::string::npos);          // 30 unresolved after 20
        CHECK(html.find("▲ 20%</span>") != std::string::npos);          // 120 searches after 100
        CHECK(html.find(">▲ 100%</span>") != std::string::npos);        // the first gap: 8 after 4
        CHECK(html.find("gap: zh-TW:密碼 重設") != std::string::npos);  // what a writer pastes into front matter
    }
    SECTION("a long label is cut at a character in the chart and kept whole in its tooltip") {
        CHECK(html.find(std::string(34, 'x') + "…</text>") != std::string::npos);
        CHECK(html.find("<title>" + std::string(40, 'x') + "如何重設密碼: 3 unresolved") != std::string::npos);
    }
}

TEST_CASE("HTML report: an empty period still has every section and says so", "[gaps_outputs][integration]") {
    const std::string html = write_html(GapsReport{});
    CHECK(test::occurrences(html, "<h2>") == 11);
    // The daily chart, six lists and the three of the search analytics; the stale translations
    // and the learned phrasings were not checked (no articles folder), which is not "nothing".
    CHECK(test::occurrences(html, "Nothing in this period.") == 10);
    CHECK(test::occurrences(html, "Not checked") == 2);
    CHECK(html.find("<svg") == std::string::npos);
}

namespace {

/// Two gaps worth a draft and a third beyond the count asked for.
GapsReport report_to_scaffold() {
    GapsReport report;
    QuestionGroup password = group("pt:redefin senh",
                                   {{"como redefinir minha senha", "pt", 5},
                                    {"reset password", "en", 2},
                                    {"Como Redefinir Minha Senha", "pt", 2},
                                    {"esqueci a senha: o que faço? #ajuda \"urgente\" \\", "pt", 1},
                                    {"- senha\tnova", "pt-BR", 1}},
                                   {{"en", 2}, {"pt", 9}});
    password.unresolved = 9;
    password.shown_not_helpful = {{"account/sign-in-problems", 4}, {"x-->y", 1}};
    QuestionGroup invoices =
        group("en:export invoic", {{"export invoices: csv", "en", 3}, {"download invoice pdf", "en", 1}}, {{"en", 4}});
    QuestionGroup third = group("en:dark mode", {{"dark mode", "en", 1}}, {{"en", 1}});
    report.gaps = {password, invoices, third};
    return report;
}

}  // namespace

TEST_CASE("Draft scaffold: drafts pass the checker, stay drafts and keep what customers typed",
          "[gaps_outputs][integration]") {
    HelpCenter hc;
    hc.write("en/welcome.md", "---\ntitle: Welcome\ntranslate: false\n---\n\nHello.\n");
    const ScaffoldResult result = scaffold_drafts(report_to_scaffold(), hc.articles(), 2);

    CHECK(result.skipped.empty());
    REQUIRE(result.written.size() == 2);
    CHECK(result.written[0] == hc.articles() / "pt" / "como-redefinir-minha-senha.md");
    CHECK(result.written[1] == hc.articles() / "en" / "export-invoices-csv.md");

    SECTION("the collection checker finds nothing wrong") {
        check::CheckOptions options;
        options.load.root = hc.articles();
        options.locales = {"en", "pt"};
        const check::CheckReport report = check::check_articles(options);
        std::string problems;
        for (const auto& p : report.problems) problems += format_problem(p) + "\n";
        CHECK(problems == "");
        CHECK(report.articles == 3);
    }
    SECTION("the anticipa check binary agrees") {
        const test::ProcessResult run =
            test::run_process({test::anticipa_binary(), "check", "--articles", hc.articles().string(), "--strict"});
        CAPTURE(run.out, run.err);
        CHECK(run.exit_code == 0);
    }
    SECTION("front matter: draft, locale of most customers, top phrasing as title, the rest as questions") {
        article::LoadOptions load;
        load.root = hc.articles();
        const auto loaded = article::load_articles(load);
        REQUIRE(loaded.files.size() == 3);
        const auto& invoices = loaded.files[0];
        const auto& password = loaded.files[2];
        REQUIRE(password.article);
        REQUIRE(invoices.article);
        CHECK(password.article->meta.draft);
        CHECK(password.article->meta.locale == "pt");
        CHECK(password.article->meta.title == "Como redefinir minha senha");
        // The case-folded repeat and the English phrasing are left out; a tab becomes a space.
        CHECK(password.article->meta.questions ==
              std::vector<std::string>{"esqueci a senha: o que faço? #ajuda \"urgente\" \\", "- senha nova"});
        CHECK(password.article->meta.gap == "pt:redefin senh");
        CHECK(invoices.article->meta.draft);
        CHECK(invoices.article->meta.title == "Export invoices: csv");
        CHECK(invoices.article->meta.questions == std::vector<std::string>{"download invoice pdf"});

        const std::string text = test::read_file(result.written[0]);
        CHECK(text.find("account/sign-in-problems  (4 times)") != std::string::npos);
        CHECK(text.find("x-->y") == std::string::npos);  // would end the comment and show up on the page
    }
    SECTION("drafts are indexed but never found by customers") {
        hc.index();
        auto service = hc.service();
        search::SearchRequest request;
        request.query = "redefinir minha senha";
        request.locale = "pt";
        request.tier = "advanced";
        request.fallback_to_default = false;
        CHECK(service.search(request).hits.empty());
    }
}

TEST_CASE("Draft scaffold: an existing file is reported as skipped and left as it was", "[gaps_outputs][integration]") {
    HelpCenter hc;
    const std::string writers_work = "---\ntitle: Como redefinir minha senha\n---\n\nO texto da redatora.\n";
    hc.write("pt/como-redefinir-minha-senha.md", writers_work);

    const ScaffoldResult first = scaffold_drafts(report_to_scaffold(), hc.articles(), 3);
    REQUIRE(first.skipped.size() == 1);
    const auto existing = hc.articles() / "pt" / "como-redefinir-minha-senha.md";
    CHECK(first.skipped[0] == existing.generic_string() + ": already exists");
    CHECK(first.written.size() == 2);
    CHECK(test::read_file(existing) == writers_work);

    SECTION("running again writes nothing and skips every draft") {
        const std::string invoices_before = test::read_file(first.written[0]);
        const ScaffoldResult again = scaffold_drafts(report_to_scaffold(), hc.articles(), 3);
        CHECK(again.written.empty());
        CHECK(again.skipped.size() == 3);
        CHECK(test::read_file(first.written[0]) == invoices_before);
    }
}

namespace {

std::string published(const std::string& title, const std::string& gap, const std::string& body,
                      const std::string& extra = "") {
    return "---\ntitle: " + title + "\ngap: \"" + gap + "\"\n" + extra + "---\n\n" + body + "\n";
}

const GapCheck* find_check(const std::vector<GapCheck>& checks, const std::string& key) {
    auto found = std::find_if(checks.begin(), checks.end(), [&](const GapCheck& c) { return c.gap_key == key; });
    return found == checks.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("Gap verification: an answering article passes, an unanswered phrasing is named",
          "[gaps_outputs][integration]") {
    HelpCenter hc;
    hc.write("en/export-invoices.md",
             published("Export your invoices", "en:export invoic",
                       "Download every invoice as a CSV or PDF file from Billing, Invoices, Export.",
                       "questions: [how do I download my invoices]\n"));
    hc.write("en/dark-mode.md",
             published("Turn on dark mode", "en:dark mode", "Open Settings, Appearance and choose the dark theme."));
    hc.write("en/refunds.md",
             "---\ntitle: Ask for a refund\n---\n\nWe refund a subscription payment within 14 days.\n");
    hc.write("en/old-gap.md", published("Rename a workspace", "en:renam workspac", "Open Settings, Workspace, Name."));
    hc.write("en/draft.md", published("Archive a project", "en:archiv", "Not written yet.", "status: draft\n"));
    hc.write("pt/export-invoices.md",
             published("Exportar as faturas", "pt:export fatur",
                       "Baixe cada fatura como arquivo CSV ou PDF em Cobrança, Faturas, Exportar.",
                       "id: export-invoices\n"));
    REQUIRE(hc.index().failed == 0);
    auto service = hc.service();

    const std::vector<QuestionGroup> logged = {
        group(
            "en:export invoic",
            {{"export invoices", "en", 9}, {"download my invoices as csv", "en-GB", 3}, {"exportar faturas", "pt", 2}},
            {{"en", 12}, {"pt", 2}}),
        group("en:dark mode", {{"dark mode", "en", 4}, {"refund my subscription payment", "en", 1}}, {{"en", 5}}),
        group("en:archiv", {{"archive project", "en", 2}}, {{"en", 2}}),
        // Only English phrasings for a Portuguese article: all are replayed, in Portuguese; the
        // English article of the same id answers them, which must not count for the Portuguese one.
        group("pt:export fatur", {{"download every invoice", "en", 2}}, {{"en", 2}}),
    };
    const std::vector<GapCheck> checks =
        verify_closed_gaps(logged, service, {.articles_dir = hc.articles(), .depth = 1});

    CHECK(checks.size() == 4);  // the draft is not checked
    CHECK(find_check(checks, "en:archiv") == nullptr);

    const GapCheck* invoices = find_check(checks, "en:export invoic");
    REQUIRE(invoices);
    CHECK(invoices->article_id == "export-invoices");
    CHECK(invoices->locale == "en");
    CHECK(invoices->phrasings == 2);  // the Portuguese phrasing is for the Portuguese article
    CHECK(invoices->failing.empty());
    CHECK(invoices->passed());

    const GapCheck* dark = find_check(checks, "en:dark mode");
    REQUIRE(dark);
    CHECK(dark->phrasings == 2);
    CHECK(dark->failing == std::vector<std::string>{"refund my subscription payment"});
    CHECK_FALSE(dark->passed());

    SECTION("a gap the log no longer knows is not checked rather than failed") {
        const GapCheck* old_gap = find_check(checks, "en:renam workspac");
        REQUIRE(old_gap);
        CHECK(old_gap->phrasings == 0);
        CHECK(old_gap->passed());
    }
    SECTION("a translation found only through the default locale does not count") {
        const GapCheck* pt = find_check(checks, "pt:export fatur");
        REQUIRE(pt);
        CHECK(pt->locale == "pt");
        CHECK(pt->phrasings == 1);
        CHECK(pt->failing == std::vector<std::string>{"download every invoice"});  // the English article would match
    }
}

TEST_CASE("Draft scaffold: a draft goes to the folder the help center has for its language",
          "[gaps_outputs][integration][zh]") {
    HelpCenter hc;
    hc.write("zh-TW/welcome.md", "---\ntitle: 歡迎\ntranslate: false\n---\n\n你好。\n");
    GapsReport report;
    report.gaps = {group("zh-CN:忘记 密码", {{"忘记密码怎么办", "zh-CN", 3}}, {{"zh-CN", 3}}),
                   group("de:passwort", {{"passwort vergessen", "de", 2}}, {{"de", 2}})};
    const ScaffoldResult result = scaffold_drafts(report, hc.articles(), 2);
    REQUIRE(result.written.size() == 2);
    // zh-CN customers, a zh-TW help center: zh-TW/, not a new zh-CN/ nobody publishes.
    CHECK(result.written[0].parent_path() == hc.articles() / "zh-TW");
    const std::string draft = test::read_file(result.written[0]);
    CHECK(draft.find("locale: zh-TW\n") != std::string::npos);
    // Written in the folder's script (Traditional), saying it was converted, not typed so.
    const auto title = draft.find("title: ");
    REQUIRE(title != std::string::npos);
    CHECK(draft.substr(title, draft.find('\n', title) - title).find("忘記密碼怎麼辦") != std::string::npos);
    CHECK(draft.find("gap: \"zh-CN:忘记 密码\"") != std::string::npos);  // the key stays as the report has it
    CHECK(draft.find("converted to this\nfolder's script") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(hc.articles() / "zh-CN"));
    // A language the help center does not have yet gets its own folder.
    CHECK(result.written[1].parent_path() == hc.articles() / "de");

    check::CheckOptions options;
    options.load.root = hc.articles();
    std::string problems;
    for (const auto& p : check::check_articles(options).problems)
        if (p.severity == Severity::ERROR) problems += format_problem(p) + "\n";
    CHECK(problems == "");
}
