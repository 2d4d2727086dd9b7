// End to end: `anticipa check` as a writer's CI runs it, on a temporary articles folder holding a
// good article with its translation plus one bad file of each kind.
#include "article/markdown.h"
#include "common/content_hash.h"
#include "common/problem.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using anticipa::Severity;
using anticipa::test::anticipa_binary;
using anticipa::test::ProcessResult;
using anticipa::test::run_process;
using anticipa::test::TempDir;
using nlohmann::json;

namespace {

// ---- The good help center: an English article and its up-to-date Portuguese translation ----

const std::string GOOD_EN_BODY =
    "If you forgot your password, follow these steps.\n"
    "\n"
    "## From the app {#app}\n"
    "\n"
    "Tap **Forgot password**. Keep your [backup codes](#backup-codes) at hand.\n"
    "\n"
    "## Backup codes\n"
    "\n"
    "Each code works once.\n";

const std::string GOOD_PT_BODY =
    "Se você esqueceu a senha, siga estes passos.\n"
    "\n"
    "## Pelo aplicativo {#app}\n"
    "\n"
    "Toque em **Esqueci a senha**. Veja também [o original](../../en/account/reset.md#app).\n";

/// The revision a translation records: what the loader computes from the source's body.
std::string revision_of(const std::string& body) {
    return anticipa::content_hash(body).substr(0, 12);
}

const std::string GOOD_EN = "---\ntitle: Reset your password\ntags: [account, password]\n---\n" + GOOD_EN_BODY;
const std::string GOOD_PT =
    "---\ntitle: Redefinir a senha\nsource_revision: " + revision_of(GOOD_EN_BODY) + "\n---\n" + GOOD_PT_BODY;

const std::vector<std::string> GOOD_FILES{"en/account/reset.md", "pt/account/reset.md"};

/// Every published article must exist in en and pt; files over 1 KiB are refused.
const std::string SETTINGS = "source_locale: en\nlocales: [en, pt]\nmax_article_kib: 1\n";

void write_good_help_center(const TempDir& articles, const std::string& settings = SETTINGS) {
    articles.write("anticipa.yaml", settings);
    articles.write("en/account/reset.md", GOOD_EN);
    articles.write("pt/account/reset.md", GOOD_PT);
}

// ---- One bad file of each kind ----

struct BadCase {
    std::string kind;
    std::vector<std::pair<std::string, std::string>> files;  ///< path below the folder, content
    std::string symlink_outside;  ///< when set, a link at this path to a file outside the folder
    std::string reported;         ///< the file the problem is reported on
    int line;                     ///< 0: about the whole file
    std::string code;
    anticipa::Severity severity;
};

using Files = std::vector<std::pair<std::string, std::string>>;

BadCase error(std::string kind, Files files, std::string reported, int line, std::string code) {
    return {std::move(kind), std::move(files), "", std::move(reported), line, std::move(code), Severity::ERROR};
}

BadCase warning(std::string kind, Files files, std::string reported, int line, std::string code) {
    return {std::move(kind), std::move(files), "", std::move(reported), line, std::move(code), Severity::WARNING};
}

std::vector<BadCase> bad_cases() {
    const std::string fm = "---\ntitle: Fine\n---\n";
    BadCase symlink = error("symlink leading outside the folder", {}, "en/leak.md", 0, "symlink_outside");
    symlink.symlink_outside = "en/leak.md";
    return {
        error("invalid YAML", {{"en/bad-yaml.md", "---\ntitle: Broken\n  tags: [a]\n---\nBody.\n"}}, "en/bad-yaml.md",
              3, "invalid_yaml"),
        error("missing title", {{"en/no-title.md", "---\ntags: [account]\n---\nBody.\n"}}, "en/no-title.md", 1,
              "missing_title"),
        error("unknown locale folder", {{"xx-invalid/page.md", fm + "Body.\n"}}, "xx-invalid/page.md", 0,
              "unknown_locale"),
        error("front-matter locale disagrees with its folder",
              {{"pt/wrong-locale.md", "---\ntitle: Factura\nlocale: es\n---\nTexto.\n"}}, "pt/wrong-locale.md", 3,
              "locale_mismatch"),
        error("duplicate (id, locale)",
              {{"en/billing/invoice-a.md", "---\nid: billing/invoices\ntitle: Invoices\n---\nA.\n"},
               {"en/billing/invoice-b.md", "---\ntitle: Invoices again\nid: billing/invoices\n---\nB.\n"}},
              "en/billing/invoice-b.md", 3, "duplicate_id"),  // at its `id:` line
        error("invalid UTF-8", {{"en/latin1.md", "---\ntitle: Cafe\n---\nIntro.\n\nCaf\xE9 au lait.\n"}},
              "en/latin1.md", 6, "invalid_utf8"),
        error("binary file (a PNG named .md)",
              {{"en/logo.md", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20)}}, "en/logo.md", 3,
              "binary_file"),
        error("file over the size limit", {{"en/huge.md", fm + std::string(2000, 'a') + "\n"}}, "en/huge.md", 0,
              "too_large"),
        error("broken link to another article",
              {{"en/links.md", fm + "Intro.\n\nSee [the reset article](account/reset.md) and\n"
                                    "[invoices](../billing/missing.md) for more.\n"}},
              "en/links.md", 7, "broken_link"),
        error("broken anchor",
              {{"en/anchors.md", fm + "Intro.\n\n## Steps\n\n1. Open [the app steps](account/reset.md#app).\n"
                                      "2. Then [the codes](account/reset.md#no-such-section).\n"}},
              "en/anchors.md", 9, "broken_anchor"),
        symlink,
        warning("two headings with the same title",
                {{"en/same.md", fm + "Intro.\n\n## Android\n\nA.\n\n## Android\n\nB.\n"}}, "en/same.md", 10,
                "duplicate_heading"),
        warning("missing translation", {{"en/only-english.md", "---\ntitle: Only in English\n---\nBody.\n"}},
                "en/only-english.md", 0, "missing_translation"),
        warning("stale translation",
                {{"en/billing/refunds.md", "---\ntitle: Refunds\n---\nRefunds take 5 days.\n"},
                 {"pt/billing/refunds.md",
                  "---\ntitle: Reembolsos\nsource_revision: 0123456789ab\n---\nReembolsos levam 3 dias.\n"}},
                "pt/billing/refunds.md", 1, "stale_translation"),
    };
}

void write_case(const TempDir& articles, const TempDir& outside, const BadCase& c) {
    for (const auto& [path, content] : c.files) articles.write(path, content);
    if (!c.symlink_outside.empty()) {
        auto secret = outside.write("secret.md", "---\ntitle: Not ours\n---\nSecret.\n");
        fs::create_directories((articles / c.symlink_outside).parent_path());
        fs::create_symlink(secret, articles / c.symlink_outside);
    }
}

// ---- Running the binary ----

ProcessResult check(const TempDir& articles, const std::vector<std::string>& flags = {}) {
    std::vector<std::string> argv{anticipa_binary(), "check", "--articles", articles.path().string()};
    argv.insert(argv.end(), flags.begin(), flags.end());
    return run_process(argv);
}

/// The path as `anticipa check` prints it: the articles folder joined with the relative path.
std::string shown(const TempDir& articles, const std::string& relative) {
    return (articles.path() / relative).lexically_normal().generic_string();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// True when the text output has "file[:line]: error|warning: ... [code]".
bool reports(const std::string& out, const std::string& file, int line, const std::string& code, Severity severity) {
    const std::string prefix = file + (line > 0 ? ":" + std::to_string(line) : "") +
                               (severity == Severity::ERROR ? ": error: " : ": warning: ");
    for (const auto& l : lines_of(out))
        if (l.starts_with(prefix) && l.ends_with(" [" + code + "]")) return true;
    return false;
}

const json* find_problem(const json& report, const std::string& file, const std::string& code) {
    for (const auto& p : report.at("problems"))
        if (p.at("file") == file && p.at("code") == code) return &p;
    return nullptr;
}

/// Problems the JSON report has about one file, as "code@line" for messages.
std::vector<std::string> problems_about(const json& report, const std::string& file) {
    std::vector<std::string> out;
    for (const auto& p : report.at("problems"))
        if (p.at("file") == file)
            out.push_back(p.at("code").get<std::string>() + "@" + std::to_string(p.at("line").get<int>()));
    return out;
}

}  // namespace

TEST_CASE("Check: a clean help center exits 0, also with --strict", "[check][e2e]") {
    TempDir articles;
    write_good_help_center(articles);

    ProcessResult plain = check(articles);
    CAPTURE(plain.out, plain.err);
    CHECK(plain.exit_code == 0);
    CHECK(plain.out == "checked 2 files in " + articles.path().generic_string() + ": 0 errors, 0 warnings\n");

    CHECK(check(articles, {"--strict"}).exit_code == 0);

    ProcessResult as_json = check(articles, {"--json"});
    REQUIRE(as_json.exit_code == 0);
    json report = json::parse(as_json.out);
    CHECK(report.at("files") == 2);
    CHECK(report.at("articles") == 2);
    CHECK(report.at("errors") == 0);
    CHECK(report.at("warnings") == 0);
    CHECK(report.at("problems").empty());
}

TEST_CASE("Check: each kind of bad file is reported with its file, line and code", "[check][e2e]") {
    for (const auto& c : bad_cases()) {
        CAPTURE(c.kind);
        TempDir articles, outside;
        write_good_help_center(articles);
        write_case(articles, outside, c);
        const std::string file = shown(articles, c.reported);
        const bool is_error = c.severity == Severity::ERROR;

        ProcessResult plain = check(articles);
        CAPTURE(plain.out, plain.err);
        CHECK(plain.exit_code == (is_error ? 1 : 0));  // warnings alone do not fail the build
        CHECK(reports(plain.out, file, c.line, c.code, c.severity));

        ProcessResult strict = check(articles, {"--strict"});
        CHECK(strict.exit_code == 1);  // ... unless the writer asks for --strict

        ProcessResult as_json = check(articles, {"--json"});
        CHECK(as_json.exit_code == plain.exit_code);
        json report = json::parse(as_json.out);
        const json* problem = find_problem(report, file, c.code);
        REQUIRE(problem);
        CHECK(problem->at("line") == c.line);
        CHECK(problem->at("severity") == (is_error ? "error" : "warning"));
        CHECK_FALSE(problem->at("message").get<std::string>().empty());

        for (const auto& good : GOOD_FILES) {
            CAPTURE(good);
            CHECK(problems_about(report, shown(articles, good)).empty());
        }
    }
}

TEST_CASE("Check: messages say what is wrong in the writer's terms", "[check][e2e]") {
    TempDir articles, outside;
    write_good_help_center(articles);
    for (const auto& c : bad_cases()) write_case(articles, outside, c);
    json report = json::parse(check(articles, {"--json"}).out);
    auto message = [&](const std::string& relative, const std::string& code) {
        const json* p = find_problem(report, shown(articles, relative), code);
        return p ? p->at("message").get<std::string>() : std::string("(no " + code + " problem)");
    };
    using Catch::Contains;
    CHECK_THAT(message("xx-invalid/page.md", "unknown_locale"), Contains("xx-invalid"));
    CHECK_THAT(message("pt/wrong-locale.md", "locale_mismatch"), Contains("es") && Contains("pt"));
    CHECK_THAT(message("en/billing/invoice-b.md", "duplicate_id"),
               Contains("billing/invoices") && Contains(shown(articles, "en/billing/invoice-a.md")));
    CHECK_THAT(message("en/huge.md", "too_large"), Contains("1 KiB"));
    CHECK_THAT(message("en/links.md", "broken_link"), Contains("../billing/missing.md"));
    CHECK_THAT(message("en/anchors.md", "broken_anchor"), Contains("#no-such-section"));
    CHECK_THAT(message("en/only-english.md", "missing_translation"), Contains("pt"));
    CHECK_THAT(message("pt/billing/refunds.md", "stale_translation"),
               Contains("0123456789ab") && Contains("source_revision: "));
}

TEST_CASE("Check: one run reports every bad file and never stops at the first", "[check][e2e]") {
    TempDir articles, outside;
    write_good_help_center(articles);
    const auto cases = bad_cases();
    for (const auto& c : cases) write_case(articles, outside, c);

    ProcessResult plain = check(articles);
    CAPTURE(plain.out, plain.err);
    CHECK(plain.exit_code == 1);
    CHECK(plain.err.empty());
    for (const auto& c : cases) {
        CAPTURE(c.kind);
        CHECK(reports(plain.out, shown(articles, c.reported), c.line, c.code, c.severity));
    }
    for (const auto& good : GOOD_FILES) {
        CAPTURE(good);
        for (const auto& line : lines_of(plain.out)) CHECK_FALSE(line.starts_with(shown(articles, good)));
    }

    ProcessResult as_json = check(articles, {"--json"});
    REQUIRE(as_json.exit_code == 1);
    json report = json::parse(as_json.out);
    // Every *.md file below the folder except the refused symlink: 2 good + 15 bad.
    CHECK(report.at("files") == 17);
    std::size_t errors = 0, warnings = 0;
    for (const auto& p : report.at("problems")) (p.at("severity") == "error" ? errors : warnings)++;
    CHECK(report.at("errors") == errors);
    CHECK(report.at("warnings") == warnings);
    for (const auto& c : cases) {
        CAPTURE(c.kind);
        CHECK(find_problem(report, shown(articles, c.reported), c.code));
    }
    const std::string summary = "checked 17 files in " + articles.path().generic_string() + ": " +
                                std::to_string(errors) + " errors, " + std::to_string(warnings) + " warnings";
    CHECK(lines_of(plain.out).back() == summary);
}

TEST_CASE("Check: Markdown that takes too long to parse is reported and the run goes on", "[check][e2e]") {
    // cmark 0.30.2 parses "![[]()" repeated quadratically: 40,000 copies (234 KiB) take seconds.
    std::string body;
    for (int i = 0; i < 40'000; ++i) body += "![[]()";
    body += "\n";

    // The input must really be slow, or this test proves nothing (a fixed cmark would need another).
    auto start = std::chrono::steady_clock::now();
    anticipa::article::parse_markdown(body, 4);
    const auto parse_time = std::chrono::steady_clock::now() - start;
    CAPTURE(std::chrono::duration_cast<std::chrono::milliseconds>(parse_time).count());
    REQUIRE(parse_time > std::chrono::seconds(1));

    TempDir articles;
    write_good_help_center(articles, "locales: [en, pt]\nmax_article_kib: 300\nparse_budget_ms: 50\n");
    articles.write("en/pathological.md", "---\ntitle: Nested images\n---\n" + body);
    articles.write("en/zz-no-title.md", "---\ntags: [x]\n---\nChecked after the slow one.\n");

    start = std::chrono::steady_clock::now();
    ProcessResult as_json = check(articles, {"--json"});
    const auto run_time = std::chrono::steady_clock::now() - start;
    CAPTURE(as_json.out, as_json.err);
    CHECK(as_json.exit_code == 1);
    CHECK(run_time < parse_time);  // the run did not wait for cmark

    json report = json::parse(as_json.out);
    CHECK(report.at("files") == 4);
    const json* timeout = find_problem(report, shown(articles, "en/pathological.md"), "parse_timeout");
    REQUIRE(timeout);
    CHECK(timeout->at("severity") == "error");
    CHECK_THAT(timeout->at("message").get<std::string>(), Catch::Contains("50 ms"));
    CHECK(problems_about(report, shown(articles, "en/pathological.md")).size() == 1);
    CHECK(find_problem(report, shown(articles, "en/zz-no-title.md"), "missing_title"));
    for (const auto& good : GOOD_FILES) {
        CAPTURE(good);
        CHECK(problems_about(report, shown(articles, good)).empty());
    }

    ProcessResult plain = check(articles);
    CHECK(plain.exit_code == 1);
    CHECK(reports(plain.out, shown(articles, "en/pathological.md"), 0, "parse_timeout", Severity::ERROR));
}

TEST_CASE("Check: a front-matter key that is not text is reported and the others still checked", "[check][e2e]") {
    // `[a, b]: c` is valid YAML; parse_front_matter converts every key with as<std::string>(),
    // which throws, so today the whole run stops with exit 2 and no report at all.
    TempDir articles;
    write_good_help_center(articles);
    articles.write("en/complex-key.md", "---\ntitle: Complex\n[a, b]: c\n---\nBody.\n");
    articles.write("en/zz-no-title.md", "---\ntags: [x]\n---\nBody.\n");

    ProcessResult as_json = check(articles, {"--json"});
    CAPTURE(as_json.out, as_json.err);
    CHECK(as_json.exit_code == 1);
    REQUIRE(json::accept(as_json.out));
    json report = json::parse(as_json.out);
    CHECK(problems_about(report, shown(articles, "en/complex-key.md")).size() == 1);
    CHECK(find_problem(report, shown(articles, "en/zz-no-title.md"), "missing_title"));
}

TEST_CASE("Check: a duplicate id does not make the original's translation look stale", "[check][e2e]") {
    // The checker indexes articles by (id, locale) with operator[], so the later duplicate replaces
    // the original; the original's up-to-date translation is then compared with the duplicate's
    // revision and reported as stale.
    TempDir articles;
    write_good_help_center(articles);
    articles.write("en/zz-copy.md", "---\nid: account/reset\ntitle: Copy\n---\nAnother body.\n");

    json report = json::parse(check(articles, {"--json"}).out);
    CHECK(find_problem(report, shown(articles, "en/zz-copy.md"), "duplicate_id"));
    CHECK(problems_about(report, shown(articles, "pt/account/reset.md")).empty());
}

TEST_CASE("Check: links written as URLs still find their article", "[check][e2e]") {
    // check_link resolves the link text as a raw file path: a percent-encoded name (how CommonMark
    // writes a space) or a query string makes a link to an existing article "broken".
    TempDir articles;
    write_good_help_center(articles);
    articles.write("en/account/two factor.md", "---\ntitle: Two factor\n---\nCodes.\n");
    articles.write("pt/account/two factor.md",
                   "---\ntitle: Dois fatores\nsource_revision: " + revision_of("Codes.\n") + "\n---\nCódigos.\n");
    const std::string links_body = "[encoded](two%20factor.md) and [with query](reset.md?from=app#app)\n";
    articles.write("en/account/links.md", "---\ntitle: Links\n---\n" + links_body);
    articles.write("pt/account/links.md",
                   "---\ntitle: Links\nsource_revision: " + revision_of(links_body) + "\n---\nLinks.\n");

    ProcessResult plain = check(articles);
    CAPTURE(plain.out);
    CHECK(plain.exit_code == 0);
    CHECK_FALSE(reports(plain.out, shown(articles, "en/account/links.md"), 4, "broken_link", Severity::ERROR));
}

TEST_CASE("Check: a language with articles but no UI strings is a warning naming the missing file", "[check][e2e]") {
    TempDir articles, locales;
    write_good_help_center(articles);
    articles.write("de/account/reset.md", "---\ntitle: Passwort zurücksetzen\n---\nSo setzen Sie es zurück.\n");
    articles.write("zh-TW/account/reset.md", "---\ntitle: 重設密碼\n---\n步驟如下。\n");
    locales.write("en/messages.yaml", "search.button: \"Search\"\n");
    locales.write("pt/messages.yaml", "search.button: \"Pesquisar\"\n");
    locales.write("zh-CN/messages.yaml", "search.button: \"搜索\"\n");  // Chinese has strings: no warning for zh-TW
    locales.write("de/stopwords.txt", "und\n");                         // an analysis profile is not UI strings

    json report = json::parse(check(articles, {"--json", "--locales", locales.path().string()}).out);
    const json* problem = find_problem(report, shown(articles, "de"), "no_ui_strings");
    REQUIRE(problem);
    CHECK(problem->at("severity") == "warning");
    using Catch::Contains;
    CHECK_THAT(problem->at("message").get<std::string>(),
               Contains((locales.path() / "de" / "messages.yaml").generic_string()) && Contains("default locale"));
    CHECK_FALSE(find_problem(report, shown(articles, "zh-TW"), "no_ui_strings"));
    CHECK_FALSE(find_problem(report, shown(articles, "en"), "no_ui_strings"));

    // Without a locales folder there is nothing to compare with: no such warning.
    json unchecked = json::parse(check(articles, {"--json", "--locales", (locales / "none").string()}).out);
    CHECK_FALSE(find_problem(unchecked, shown(articles, "de"), "no_ui_strings"));
}
