// Article stage, front matter: the YAML between "---" lines -> ArticleMeta with located problems;
// plus the small helpers the stage leans on (heading slugs, locale tags).
#include "article/front_matter.h"
#include "article/slug.h"
#include "common/locale_tag.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace anticipa;
using namespace anticipa::article;

namespace {

/// The context of "articles/pt/account/senha.md" as the loader builds it.
FrontMatterContext pt_context() {
    return {.file = "articles/pt/account/senha.md", .folder_locale = "pt", .default_id = "account/senha"};
}

/// A judged collection's context: no locale folder, so the front matter must give the locale.
FrontMatterContext flat_context() {
    return {.file = "judged/senha.md", .folder_locale = "", .default_id = "senha"};
}

/// Problems as one compact line, like the checker prints them: "warning unknown_key @3; error ...".
std::string summary(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) {
        if (!out.empty()) out += "; ";
        out += (p.severity == Severity::ERROR ? "error " : "warning ") + p.code + " @" + std::to_string(p.line);
    }
    return out;
}

const Problem* find_problem(const std::vector<Problem>& problems, const std::string& code) {
    for (const auto& p : problems)
        if (p.code == code) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("FrontMatter: absent keys take their defaults from the context", "[article][unit]") {
    const std::string text = "---\ntitle: Redefinir a senha\n---\nCorpo do artigo.\n";
    FrontMatter fm = parse_front_matter(text, pt_context());

    CHECK(fm.problems.empty());
    CHECK(fm.meta.title == "Redefinir a senha");
    CHECK(fm.meta.id == "account/senha");  // from the path
    CHECK(fm.meta.locale == "pt");         // from the folder
    CHECK(fm.meta.tiers == std::vector<std::string>{"basic", "standard", "advanced"});
    CHECK_FALSE(fm.meta.draft);
    CHECK(fm.meta.tags.empty());
    CHECK(fm.meta.questions.empty());
    CHECK(fm.meta.context.empty());
    CHECK(fm.meta.category.empty());
    CHECK(fm.meta.updated.empty());
    CHECK(fm.meta.source_revision.empty());
    CHECK(fm.meta.gap.empty());
    CHECK(fm.body == "Corpo do artigo.\n");
    CHECK(fm.body_first_line == 4);
}

TEST_CASE("FrontMatter: every known key is read into the metadata", "[article][unit]") {
    const std::string text =
        "---\n"
        "id: account/password-reset\n"
        "title: \"Redefinir a senha: passo a passo\"\n"
        "locale: pt\n"
        "tags: [conta, senha]\n"
        "category: Conta\n"
        "tiers:\n"
        "  - standard\n"
        "  - advanced\n"
        "status: draft\n"
        "questions:\n"
        "  - esqueci minha senha\n"
        "  - não consigo entrar\n"
        "context: [/settings/security]\n"
        "updated: 2026-10-01\n"
        "source_revision: 0123456789ab\n"
        "...\n"
        "# Corpo\n";
    FrontMatter fm = parse_front_matter(text, pt_context());

    CHECK(summary(fm.problems).empty());
    CHECK(fm.meta.id == "account/password-reset");
    CHECK(fm.meta.title == "Redefinir a senha: passo a passo");
    CHECK(fm.meta.locale == "pt");
    CHECK(fm.meta.tags == std::vector<std::string>{"conta", "senha"});
    CHECK(fm.meta.category == "Conta");
    CHECK(fm.meta.tiers == std::vector<std::string>{"standard", "advanced"});
    CHECK(fm.meta.draft);
    CHECK(fm.meta.questions == std::vector<std::string>{"esqueci minha senha", "não consigo entrar"});
    CHECK(fm.meta.context == std::vector<std::string>{"/settings/security"});
    CHECK(fm.meta.updated == "2026-10-01");
    CHECK(fm.meta.source_revision == "0123456789ab");
    CHECK(fm.body == "# Corpo\n");  // "..." closes YAML too
    CHECK(fm.body_first_line == 18);

    SECTION("a single text where a list is expected is a list of one") {
        const std::string one = "---\ntitle: T\ntags: senha\ntiers: basic\nquestions: esqueci\n---\n";
        FrontMatter single = parse_front_matter(one, pt_context());
        CHECK(single.problems.empty());
        CHECK(single.meta.tags == std::vector<std::string>{"senha"});
        CHECK(single.meta.tiers == std::vector<std::string>{"basic"});
        CHECK(single.meta.questions == std::vector<std::string>{"esqueci"});
    }
    SECTION("status published is not a draft") {
        FrontMatter published = parse_front_matter("---\ntitle: T\nstatus: published\n---\n", pt_context());
        CHECK(published.problems.empty());
        CHECK_FALSE(published.meta.draft);
    }
    SECTION("empty list entries are dropped") {
        FrontMatter sparse = parse_front_matter("---\ntitle: T\ntags: [a, '', b]\n---\n", pt_context());
        CHECK(sparse.meta.tags == std::vector<std::string>{"a", "b"});
    }
}

TEST_CASE("FrontMatter: an unknown key is a warning on its own line with a did-you-mean", "[article][unit]") {
    struct Case {
        std::string key, message_part;
    };
    for (const auto& c : std::vector<Case>{{"titel", "(did you mean `title`?)"},
                                           {"tag", "(did you mean `tags`?)"},
                                           {"categroy", "(did you mean `category`?)"},
                                           {"updatd", "(did you mean `updated`?)"},
                                           {"colour", "(it is ignored)"}}) {
        CAPTURE(c.key);
        const std::string text = "---\ntitle: Senha\ntags: [conta]\n" + c.key + ": x\n---\nCorpo\n";
        FrontMatter fm = parse_front_matter(text, pt_context());
        REQUIRE(fm.problems.size() == 1);
        const Problem& p = fm.problems[0];
        CHECK(p.severity == Severity::WARNING);
        CHECK(p.code == "unknown_key");
        CHECK(p.line == 4);
        CHECK(p.file == "articles/pt/account/senha.md");
        CHECK(p.message == "unknown front-matter key `" + c.key + "` " + c.message_part);
        CHECK(fm.meta.title == "Senha");  // a warning never loses the rest
    }
    SECTION("the formatted message reads like a compiler's") {
        FrontMatter fm = parse_front_matter("---\ntitel: Senha\ntitle: Senha\n---\n", pt_context());
        REQUIRE(fm.problems.size() == 1);
        CHECK(format_problem(fm.problems[0]) ==
              "articles/pt/account/senha.md:2: warning: unknown front-matter key `titel` (did you mean `title`?) "
              "[unknown_key]");
    }
}

TEST_CASE("FrontMatter: invalid YAML is an error at the file line of the mistake", "[article][unit]") {
    struct Case {
        std::string name, yaml;
        int line;
    };
    for (const auto& c : std::vector<Case>{
             {"bad indentation", "title: Senha\n  id: x\n", 3},
             {"unclosed flow list", "title: Senha\ntags: [a, b\n", 4},
             {"tab in the indentation", "title: Senha\ntags:\n  - a\n\t- b\n", 5},
         }) {
        CAPTURE(c.name);
        const std::string text = "---\n" + c.yaml + "---\nCorpo\n";
        FrontMatter fm = parse_front_matter(text, pt_context());
        CHECK(summary(fm.problems) == "error invalid_yaml @" + std::to_string(c.line));
    }
    SECTION("a front matter that is not a map") {
        FrontMatter fm = parse_front_matter("---\n- a\n- b\n---\nCorpo\n", pt_context());
        CHECK(summary(fm.problems) == "error invalid_yaml @2");
    }
    SECTION("an empty front matter") {
        FrontMatter fm = parse_front_matter("---\n---\nCorpo\n", pt_context());
        REQUIRE_FALSE(fm.problems.empty());
        CHECK(fm.problems[0].severity == Severity::ERROR);
    }
}

TEST_CASE("FrontMatter: a YAML mistake is explained in a writer's words, at its line", "[article][unit]") {
    struct Case {
        std::string yaml;
        int line;
        std::string words;
    };
    for (const auto& c : std::vector<Case>{
             {"title: Billing: refunds\n", 2, "put a value that contains `: ` in quotes"},
             {"title: Senha\n  id: x\n", 3, "start each key at the beginning of its line"},
             {"title: Senha\ntags: [a, b\n", 4, "a list opened with `[` is not closed with `]`"},
             {"title: Senha\ntags:\n  - a\n\t- b\n", 5, "a tab is used to indent"},
             {"title: @home\n", 2, "a value starts with a character YAML reserves"},
             {"title: *bold*\n", 2, "a value starts with `*`"},
             {"title: \"C:\\quillo\"\n", 2, "write \\\\ for a backslash"},
         }) {
        CAPTURE(c.yaml);
        FrontMatter fm = parse_front_matter("---\n" + c.yaml + "---\nCorpo\n", pt_context());
        REQUIRE(fm.problems.size() == 1);
        CHECK(fm.problems[0].code == "invalid_yaml");
        CHECK(fm.problems[0].line == c.line);
        CHECK_THAT(fm.problems[0].message, Catch::Contains(c.words) && Catch::Contains("(YAML: "));
    }
}

TEST_CASE("FrontMatter: a value of the wrong type is an error on its line", "[article][unit]") {
    struct Case {
        std::string yaml, expected;
    };
    for (const auto& c : std::vector<Case>{
             {"title: Senha\ncategory: [a, b]\n", "error invalid_type @3"},
             {"title: Senha\ntags: {a: b}\n", "error invalid_type @3"},
             {"title: Senha\ntags:\n  - a\n  - [b, c]\n", "error invalid_type @5"},
             {"title: Senha\nid: ../../etc/passwd\n", "error invalid_id @3"},
             {"title: Senha\nid: conta senha\n", "error invalid_id @3"},
         }) {
        CAPTURE(c.yaml);
        const std::string text = "---\n" + c.yaml + "---\nCorpo\n";
        CHECK(summary(parse_front_matter(text, pt_context()).problems) == c.expected);
    }
}

TEST_CASE("FrontMatter: a key that is not plain text is reported, never thrown", "[article][unit]") {
    // "[a, b]: c" is valid YAML (a sequence used as a key). The reader converts every key with
    // as<std::string>(), which throws YAML::TypedBadConversion out of parse_front_matter; in
    // `anticipa check` that aborts the whole run (exit 2) instead of reporting this one file.
    const std::string text = "---\ntitle: Senha\n[a, b]: c\n---\nCorpo\n";
    FrontMatter fm;
    REQUIRE_NOTHROW(fm = parse_front_matter(text, pt_context()));
    REQUIRE_FALSE(fm.problems.empty());
    CHECK(fm.problems[0].line == 3);
}

TEST_CASE("FrontMatter: an article without a title is an error", "[article][unit]") {
    for (const std::string yaml : {"tags: [conta]\n", "title: ''\n", "titel: Senha\n"}) {
        CAPTURE(yaml);
        FrontMatter fm = parse_front_matter("---\n" + yaml + "---\nCorpo\n", pt_context());
        const Problem* missing = find_problem(fm.problems, "missing_title");
        REQUIRE(missing);
        CHECK(missing->severity == Severity::ERROR);
        CHECK(missing->line == 1);
        CHECK(missing->file == "articles/pt/account/senha.md");
    }
}

TEST_CASE("FrontMatter: a file must start with front matter that is closed", "[article][unit]") {
    SECTION("no front matter at all") {
        FrontMatter fm = parse_front_matter("# Redefinir a senha\n\nCorpo\n", pt_context());
        CHECK(summary(fm.problems) == "error missing_front_matter @1");
    }
    SECTION("front matter that does not start on the first line") {
        FrontMatter fm = parse_front_matter("\n---\ntitle: Senha\n---\nCorpo\n", pt_context());
        CHECK(summary(fm.problems) == "error missing_front_matter @1");
    }
    SECTION("an empty file") {
        CHECK(summary(parse_front_matter("", pt_context()).problems) == "error missing_front_matter @1");
    }
    SECTION("front matter that is never closed") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\n\n# Corpo\n", pt_context());
        CHECK(summary(fm.problems) == "error unclosed_front_matter @1");
    }
    SECTION("a closing line that is not exactly ---") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\n----\nCorpo\n", pt_context());
        CHECK(summary(fm.problems) == "error unclosed_front_matter @1");
    }
    SECTION("a closing line at the very end of the file, without a newline") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\n---", pt_context());
        CHECK(fm.problems.empty());
        CHECK(fm.body.empty());
    }
}

TEST_CASE("FrontMatter: the folder decides the locale and a front-matter locale must agree", "[article][unit]") {
    SECTION("the same locale in another spelling is accepted and made canonical") {
        const std::string text = "---\ntitle: Senha\nlocale: PT-br\n---\n";
        FrontMatter fm = parse_front_matter(text, {"articles/pt-BR/senha.md", "pt-BR", "senha"});
        CHECK(fm.problems.empty());
        CHECK(fm.meta.locale == "pt-BR");
    }
    SECTION("another locale than the folder's is an error that names both") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\nlocale: es\n---\n", pt_context());
        const Problem* mismatch = find_problem(fm.problems, "locale_mismatch");
        REQUIRE(mismatch);
        CHECK(mismatch->severity == Severity::ERROR);
        CHECK(mismatch->line == 3);  // the `locale:` line
        CHECK_THAT(mismatch->message, Catch::Contains("locale: es") && Catch::Contains("pt/"));
    }
    SECTION("a regional variant is not its language's folder") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\nlocale: pt-BR\n---\n", pt_context());
        CHECK(find_problem(fm.problems, "locale_mismatch"));
    }
}

TEST_CASE("FrontMatter: a locale must be a known BCP-47 language", "[article][unit]") {
    struct Case {
        std::string yaml, code;
    };
    for (const auto& c : std::vector<Case>{{"locale: english\n", "invalid_locale"},
                                           {"locale: ../etc\n", "invalid_locale"},
                                           {"locale: pt-\n", "invalid_locale"},
                                           {"locale: qq\n", "unknown_locale"},
                                           {"", "missing_locale"}}) {
        CAPTURE(c.yaml);
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\n" + c.yaml + "---\nCorpo\n", flat_context());
        const Problem* problem = find_problem(fm.problems, c.code);
        REQUIRE(problem);
        CHECK(problem->severity == Severity::ERROR);
        CHECK(problem->line == (c.yaml.empty() ? 1 : 3));  // the `locale:` line when there is one
    }
    SECTION("a valid locale in a flat collection is taken from the front matter") {
        FrontMatter fm = parse_front_matter("---\ntitle: 密碼\nlocale: zh-tw\n---\n", flat_context());
        CHECK(fm.problems.empty());
        CHECK(fm.meta.locale == "zh-TW");
    }
}

TEST_CASE("FrontMatter: one wrong locale is reported once", "[article][unit]") {
    // An invalid tag must not also be reported as an unknown language.
    FrontMatter fm = parse_front_matter("---\ntitle: Senha\nlocale: english\n---\n", flat_context());
    CHECK(summary(fm.problems) == "error invalid_locale @3");
}

TEST_CASE("FrontMatter: tiers are basic, standard or advanced", "[article][unit]") {
    struct Case {
        std::string yaml, expected;
    };
    for (const auto& c : std::vector<Case>{{"tiers: [basic, premium]\n", "error invalid_tier @3"},
                                           {"tiers: [Basic]\n", "error invalid_tier @3"},
                                           {"tiers: []\n", "error invalid_tier @3"},
                                           {"tiers: {basic: yes}\n", "error invalid_type @3"},
                                           // a block list is reported where the list starts
                                           {"tiers:\n  - basic\n  - gold\n", "error invalid_tier @4"}}) {
        CAPTURE(c.yaml);
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\n" + c.yaml + "---\n", pt_context());
        CHECK(summary(fm.problems) == c.expected);
    }
    SECTION("the message names the wrong tier") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\ntiers: [premium]\n---\n", pt_context());
        REQUIRE(fm.problems.size() == 1);
        CHECK_THAT(fm.problems[0].message, Catch::Contains("`premium`"));
    }
}

TEST_CASE("FrontMatter: status is published or draft", "[article][unit]") {
    struct Case {
        std::string status, code;
    };
    for (const auto& c : std::vector<Case>{{"Draft", "invalid_status"},
                                           {"archived", "invalid_status"},
                                           {"yes", "invalid_status"},
                                           {"[draft]", "invalid_type"}}) {
        CAPTURE(c.status);
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\nstatus: " + c.status + "\n---\n", pt_context());
        CHECK(summary(fm.problems) == "error " + c.code + " @3");
        CHECK_FALSE(fm.meta.draft);
    }
}

TEST_CASE("FrontMatter: gap names the question group an article closes", "[article][unit]") {
    SECTION("a group key is read as written, colon and all") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\ngap: \"pt:redefin senh\"\n---\n", pt_context());
        CHECK(fm.problems.empty());
        CHECK(fm.meta.gap == "pt:redefin senh");
    }
    SECTION("a list is not a group key") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\ngap: [a, b]\n---\n", pt_context());
        CHECK(summary(fm.problems) == "error invalid_type @3");
        CHECK(fm.meta.gap.empty());
    }
    SECTION("a near miss is pointed at gap") {
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\ngaps: x\n---\n", pt_context());
        REQUIRE(fm.problems.size() == 1);
        CHECK_THAT(fm.problems[0].message, Catch::Contains("did you mean `gap`?"));
    }
}

TEST_CASE("FrontMatter: updated is a date like 2026-10-01", "[article][unit]") {
    for (const std::string date : {"1 October 2026", "2026/10/01", "01-10-2026", "2026-10-1", "soon"}) {
        CAPTURE(date);
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\nupdated: " + date + "\n---\n", pt_context());
        CHECK(summary(fm.problems) == "error invalid_date @3");
    }
}

TEST_CASE("FrontMatter: an impossible calendar date is an error", "[article][unit]") {
    // The check is only the regex \d{4}-\d{2}-\d{2}, so month 13 or day 45 pass.
    for (const std::string date : {"2026-13-01", "2026-02-30", "2026-10-45", "2026-00-10"}) {
        CAPTURE(date);
        FrontMatter fm = parse_front_matter("---\ntitle: Senha\nupdated: " + date + "\n---\n", pt_context());
        CHECK(summary(fm.problems) == "error invalid_date @3");
    }
}

TEST_CASE("FrontMatter: a byte-order mark and CRLF line ends are accepted", "[article][unit]") {
    const std::string bom = "\xEF\xBB\xBF";
    SECTION("BOM") {
        const std::string text = bom + "---\ntitle: Senha\ntitel: x\n---\nCorpo\n";
        FrontMatter fm = parse_front_matter(text, pt_context());
        CHECK(fm.meta.title == "Senha");
        CHECK(summary(fm.problems) == "warning unknown_key @3");
        CHECK(fm.body == "Corpo\n");
        CHECK(fm.body_first_line == 5);
    }
    SECTION("CRLF") {
        const std::string text = "---\r\ntitle: Senha\r\ntags: [a, b]\r\ntitel: x\r\n---\r\nCorpo\r\n";
        FrontMatter fm = parse_front_matter(text, pt_context());
        CHECK(fm.meta.title == "Senha");  // no stray '\r'
        CHECK(fm.meta.tags == std::vector<std::string>{"a", "b"});
        CHECK(summary(fm.problems) == "warning unknown_key @4");
        CHECK(fm.body == "Corpo\r\n");
        CHECK(fm.body_first_line == 6);
    }
    SECTION("BOM and CRLF with invalid YAML still give the file line") {
        const std::string text = bom + "---\r\ntitle: Senha\r\n  id: x\r\n---\r\nCorpo\r\n";
        CHECK(summary(parse_front_matter(text, pt_context()).problems) == "error invalid_yaml @3");
    }
}

// ---- Slugs: heading -> anchor ----

TEST_CASE("Slug: headings become lowercase hyphenated anchors in any script", "[article][unit]") {
    struct Case {
        std::string heading, slug;
    };
    for (const auto& c : std::vector<Case>{
             {"Reset your password", "reset-your-password"},
             {"Códigos de backup (2FA)", "códigos-de-backup-2fa"},
             {"CONFIGURAÇÃO da Conta", "configuração-da-conta"},
             {"  --Hello,   World!--  ", "hello-world"},
             {"Straße", "strasse"},     // full case folding
             {"重置密码", "重置密码"},  // Chinese keeps its characters
             {"帳號 設定", "帳號-設定"},
             {"如何重置 2FA？", "如何重置-2fa"},            // full-width punctuation is a separator
             {"नमस्ते", "नमस्ते"},                              // non-spacing marks stay inside the word
             {"e\xCC\x81t\xC3\xA9", "e\xCC\x81t\xC3\xA9"},  // a decomposed accent keeps its mark
             {"🔒 Security", "security"},
             {"a_b.c/d", "a-b-c-d"},
             {"!!!", "section"},
             {"", "section"},
         }) {
        CAPTURE(c.heading);
        CHECK(slugify(c.heading) == c.slug);
    }
}

TEST_CASE("Slug: spacing vowel signs stay inside the word", "[article][unit]") {
    // slugify keeps letters, digits and non-spacing marks (Mn) but not spacing combining marks
    // (Mc), so Devanagari, Bengali, Tamil or Thai vowel signs split words: "दुनिया" -> "दुन-य".
    struct Case {
        std::string heading, slug;
    };
    for (const auto& c : std::vector<Case>{
             {"नमस्ते दुनिया", "नमस्ते-दुनिया"}, {"পাসওয়ার্ড রিসেট", "পাসওয়ার্ড-রিসেট"}, {"கடவுச்சொல்", "கடவுச்சொல்"}}) {
        CAPTURE(c.heading);
        CHECK(slugify(c.heading) == c.slug);
    }
}

TEST_CASE("Slug: an explicit {#anchor} at the end of a heading is taken off it", "[article][unit]") {
    struct Case {
        std::string heading, anchor, rest;
    };
    for (const auto& c : std::vector<Case>{
             {"Reset your password {#reset}", "reset", "Reset your password"},
             {"Reset {#reset}  \t", "reset", "Reset"},
             {"Redefinir a senha{#reset_password}", "reset_password", "Redefinir a senha"},
             {"重置密码 {#reset}", "reset", "重置密码"},
             {"{#only}", "only", ""},
             {"Reset", "", "Reset"},
             {"Reset {#}", "", "Reset {#}"},
             {"Reset {#two words}", "", "Reset {#two words}"},
             {std::string("Reset {#a\x01b}"), "", "Reset {#a\x01b}"},
             {std::string("Reset {#a\x7f}"), "", "Reset {#a\x7f}"},
             {std::string("Reset {#a\0b}", 12), "", std::string("Reset {#a\0b}", 12)},
             {"Use {braces} here", "", "Use {braces} here"},
             {"Reset {#reset} again", "", "Reset {#reset} again"},
             {"", "", ""},
         }) {
        CAPTURE(c.heading);
        std::string heading = c.heading;
        CHECK(take_explicit_anchor(heading) == c.anchor);
        CHECK(heading == c.rest);
    }
}

TEST_CASE("Slug: repeated anchors get -2, -3 and each is recorded", "[article][unit]") {
    std::set<std::string> used;
    CHECK(unique_anchor("setup", used) == "setup");
    CHECK(unique_anchor("setup", used) == "setup-2");
    CHECK(unique_anchor("setup", used) == "setup-3");
    CHECK(unique_anchor("setup-2", used) == "setup-2-2");  // never reuses one already given out
    CHECK(unique_anchor("重置密码", used) == "重置密码");
    CHECK(unique_anchor("重置密码", used) == "重置密码-2");
    CHECK(used == std::set<std::string>{"setup", "setup-2", "setup-3", "setup-2-2", "重置密码", "重置密码-2"});
}

// ---- Locale tags ----

TEST_CASE("LocaleTag: well-formed tags get their canonical spelling", "[common][unit]") {
    struct Case {
        std::string tag, canonical;
    };
    for (const auto& c : std::vector<Case>{{"pt", "pt"},
                                           {"PT-br", "pt-BR"},
                                           {"pt_BR", "pt-BR"},
                                           {"zh-hant-tw", "zh-Hant-TW"},
                                           {"ZH-TW", "zh-TW"},
                                           {"es-419", "es-419"},
                                           {"fil", "fil"}}) {
        CAPTURE(c.tag);
        auto canonical = canonical_locale(c.tag);
        REQUIRE(canonical);
        CHECK(*canonical == c.canonical);
    }
}

TEST_CASE("LocaleTag: what is not a language tag has no canonical form", "[common][unit]") {
    for (const std::string tag : {"", "p", "english", "../etc", "pt/BR", "pt-", "-pt", "pt--BR", "p1", "pt-B",
                                  "pt-BRA1", "pt-12", "zh-Hant-TW-x", "xx-invalid", "pt BR"}) {
        CAPTURE(tag);
        CHECK_FALSE(canonical_locale(tag));
    }
}

TEST_CASE("LocaleTag: subtags in the wrong order are not a tag", "[common][unit]") {
    // BCP-47 orders language-script-region; canonical_locale accepts any order and repeats.
    for (const std::string tag : {"pt-BR-Latn", "pt-BR-PT", "zh-TW-Hant", "es-419-MX"}) {
        CAPTURE(tag);
        CHECK_FALSE(canonical_locale(tag));
    }
}

TEST_CASE("LocaleTag: the language subtag decides whether a locale is known", "[common][unit]") {
    CHECK(language_of("pt-BR") == "pt");
    CHECK(language_of("zh-Hant-TW") == "zh");
    CHECK(language_of("en") == "en");
    for (const std::string known : {"en", "pt", "pt-BR", "zh-TW", "es-419", "fil"}) {
        CAPTURE(known);
        CHECK(is_known_language(known));
    }
    for (const std::string unknown : {"qq", "xx", "zz-ZZ", "und"}) {
        CAPTURE(unknown);
        CHECK_FALSE(is_known_language(unknown));
    }
}

TEST_CASE("FrontMatter: yaml_quoted writes what people type so that it reads back unchanged", "[article][unit]") {
    for (const std::string& typed : {std::string("reset: password # again"), std::string("- \"quoted\" \\ back"),
                                     std::string("two\nlines\tand a tab"), std::string("não consigo entrar"),
                                     std::string("忘记密码"), std::string("bell\x07")}) {
        CAPTURE(typed);
        FrontMatter fm = parse_front_matter("---\ntitle: " + yaml_quoted(typed) + "\n---\nBody.\n", pt_context());
        CHECK(fm.problems.empty());
        CHECK(fm.meta.title == typed);
    }
}
