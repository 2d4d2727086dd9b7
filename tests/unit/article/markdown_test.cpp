// Article stage, Markdown body: CommonMark -> sections with anchors, plain text and safe HTML,
// plus the links with their file lines; and the UTF-8 helpers the loader runs before it.
#include "article/markdown.h"
#include "common/utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

using namespace anticipa;
using namespace anticipa::article;

namespace {

/// Sections as one compact line per section: "2 #anchor Heading | text".
std::string outline(const MarkdownBody& body) {
    std::string out;
    for (const auto& s : body.sections) {
        std::string text = s.text;
        std::replace(text.begin(), text.end(), '\n', '/');
        out += std::to_string(s.level) + " #" + s.anchor + " " + s.heading + " | " + text + "\n";
    }
    return out;
}

/// Links as "target@line target@line".
std::string link_lines(const MarkdownBody& body) {
    std::string out;
    for (const auto& l : body.links) out += (out.empty() ? "" : " ") + l.target + "@" + std::to_string(l.line);
    return out;
}

std::string all_html(const MarkdownBody& body) {
    std::string out;
    for (const auto& s : body.sections) out += s.html;
    return out;
}

std::string lowercase(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

TEST_CASE("Markdown: the text before the first heading is the introduction, then one section per heading",
          "[article][unit]") {
    const std::string body =
        "Se você esqueceu a senha, siga estes passos.\n"
        "\n"
        "## Pelo aplicativo\n"
        "\n"
        "Toque em **Esqueci a senha**.\n"
        "\n"
        "### No Android\n"
        "\n"
        "Abra o menu.\n"
        "\n"
        "Pelo site\n"
        "=========\n"
        "\n"
        "Acesse a página de login.\n";
    MarkdownBody md = parse_markdown(body, 1);
    CHECK(outline(md) ==
          "0 #  | Se você esqueceu a senha, siga estes passos.\n"
          "2 #pelo-aplicativo Pelo aplicativo | Toque em Esqueci a senha.\n"
          "3 #no-android No Android | Abra o menu.\n"
          "1 #pelo-site Pelo site | Acesse a página de login.\n");
    REQUIRE(md.sections.size() == 4);
    CHECK(md.sections[0].html == "<p>Se você esqueceu a senha, siga estes passos.</p>\n");
    CHECK(md.sections[1].html ==
          "<h2 id=\"pelo-aplicativo\">Pelo aplicativo</h2>\n"
          "<p>Toque em <strong>Esqueci a senha</strong>.</p>\n");
    CHECK(md.sections[3].html == "<h1 id=\"pelo-site\">Pelo site</h1>\n<p>Acesse a página de login.</p>\n");

    SECTION("a body that starts with a heading has no introduction") {
        MarkdownBody headed = parse_markdown("# Senha\n\nTexto.\n", 1);
        CHECK(outline(headed) == "1 #senha Senha | Texto.\n");
    }
    SECTION("a heading without text below it is still a section") {
        MarkdownBody bare = parse_markdown("Intro.\n\n## Vazia\n", 1);
        CHECK(outline(bare) == "0 #  | Intro.\n2 #vazia Vazia | \n");
    }
    SECTION("an empty or blank body has no sections") {
        CHECK(parse_markdown("", 1).sections.empty());
        CHECK(parse_markdown("\n\n   \n", 1).sections.empty());
    }
    SECTION("headings inside a list or quote do not start a section") {
        MarkdownBody nested = parse_markdown("> ## Citação\n> texto\n\n- ## Item\n", 1);
        REQUIRE(nested.sections.size() == 1);
        CHECK(nested.sections[0].level == 0);
    }
}

TEST_CASE("Markdown: an explicit {#anchor} is the id and leaves the heading text and HTML", "[article][unit]") {
    struct Case {
        std::string markdown, heading, anchor, html;
    };
    for (const auto& c : std::vector<Case>{
             {"## Redefinir a senha {#reset}", "Redefinir a senha", "reset",
              "<h2 id=\"reset\">Redefinir a senha</h2>\n"},
             {"## Reset *now* {#reset-now}", "Reset now", "reset-now",
              "<h2 id=\"reset-now\">Reset <em>now</em></h2>\n"},
             {"## What's new! {#whats_new}", "What's new!", "whats_new", "<h2 id=\"whats_new\">What's new!</h2>\n"},
             {"## 重置密码 {#reset}", "重置密码", "reset", "<h2 id=\"reset\">重置密码</h2>\n"},
             {"## Use `{#x}` literally", "Use {#x} literally", "use-x-literally",
              "<h2 id=\"use-x-literally\">Use <code>{#x}</code> literally</h2>\n"},
         }) {
        CAPTURE(c.markdown);
        MarkdownBody md = parse_markdown(c.markdown + "\n", 1);
        REQUIRE(md.sections.size() == 1);
        CHECK(md.sections[0].heading == c.heading);
        CHECK(md.sections[0].anchor == c.anchor);
        CHECK(md.sections[0].html == c.html);
    }
}

TEST_CASE("Markdown: a code span that shows the {#anchor} syntax is not an anchor", "[article][unit]") {
    // The explicit anchor is taken from the heading's plain text, which includes code spans, but
    // only stripped from the last *text* node of the HTML: the anchor becomes "name", the heading
    // text loses "{#name}", and the HTML still shows it.
    MarkdownBody md = parse_markdown("## Anchors look like `{#name}`\n", 1);
    REQUIRE(md.sections.size() == 1);
    CHECK(md.sections[0].heading == "Anchors look like {#name}");
    CHECK(md.sections[0].anchor == "anchors-look-like-name");
    CHECK(md.sections[0].html == "<h2 id=\"anchors-look-like-name\">Anchors look like <code>{#name}</code></h2>\n");
}

TEST_CASE("Markdown: repeated headings get -2 and -3 anchors", "[article][unit]") {
    const std::string body = "## Android\n\na\n\n## iOS\n\nb\n\n## Android\n\nc\n\n## Android\n\nd\n\n## x {#ios}\n";
    MarkdownBody md = parse_markdown(body, 1);
    std::vector<std::string> anchors;
    for (const auto& s : md.sections) anchors.push_back(s.anchor);
    CHECK(anchors == std::vector<std::string>{"android", "ios", "android-2", "android-3", "ios-2"});
    REQUIRE(md.sections.size() == 5);
    CHECK(md.sections[2].html.starts_with("<h2 id=\"android-2\">Android</h2>"));
    // Each renamed one is kept with its line, for `check` to warn about (body starting at line 4).
    std::string renamed;
    for (const auto& r : parse_markdown(body, 4).renamed_anchors)
        renamed += r.heading + " #" + r.anchor + " @" + std::to_string(r.line) + "\n";
    CHECK(renamed == "Android #android-2 @12\nAndroid #android-3 @16\nx #ios-2 @20\n");
}

TEST_CASE("Markdown: accented and Chinese headings keep their letters in the anchor", "[article][unit][zh]") {
    MarkdownBody md = parse_markdown("## Códigos de backup (2FA)\n\n## 忘記密碼怎麼辦？\n\n## 2. Configuração\n", 1);
    REQUIRE(md.sections.size() == 3);
    CHECK(md.sections[0].anchor == "códigos-de-backup-2fa");
    CHECK(md.sections[1].anchor == "忘記密碼怎麼辦");
    CHECK(md.sections[2].anchor == "2-configuração");
    CHECK(md.sections[1].html == "<h2 id=\"忘記密碼怎麼辦\">忘記密碼怎麼辦？</h2>\n");
}

TEST_CASE("Markdown: raw HTML never reaches the section HTML", "[article][unit]") {
    const std::string body =
        "<script>alert('intro')</script>\n"
        "\n"
        "Texto <img src=x onerror=alert(1)> com <b>negrito</b>.\n"
        "\n"
        "## Seção\n"
        "\n"
        "<iframe src=\"https://evil.example\"></iframe>\n"
        "\n"
        "<div onclick=\"steal()\">\n"
        "*ainda* HTML\n"
        "</div>\n";
    MarkdownBody md = parse_markdown(body, 1);
    const std::string html = lowercase(all_html(md));
    CAPTURE(html);
    for (const std::string forbidden : {"<script", "<img", "onerror", "<iframe", "<div", "onclick", "<b>"}) {
        CAPTURE(forbidden);
        CHECK(html.find(forbidden) == std::string::npos);
    }
    CHECK(html.find("raw html omitted") != std::string::npos);  // cmark's safe mode marks the spot
    // Script text is not indexed either.
    for (const auto& s : md.sections) {
        CAPTURE(s.text);
        CHECK(s.text.find("alert") == std::string::npos);
        CHECK(s.text.find("steal") == std::string::npos);
    }
    REQUIRE_FALSE(md.sections.empty());
    CHECK(md.sections[0].text == "Texto  com negrito.");
}

TEST_CASE("Markdown: dangerous link targets are removed from the HTML", "[article][unit]") {
    for (const std::string target : {"javascript:alert(1)", "JavaScript:alert(1)", "vbscript:msgbox(1)",
                                     "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"}) {
        CAPTURE(target);
        MarkdownBody md = parse_markdown("[clique](" + target + ") e ![img](" + target + ")\n", 1);
        const std::string html = lowercase(all_html(md));
        CAPTURE(html);
        CHECK(html.find(lowercase(target.substr(0, target.find(':') + 1))) == std::string::npos);
        CHECK(html.find("<a href=\"\">clique</a>") != std::string::npos);
    }
    SECTION("ordinary links stay") {
        MarkdownBody md = parse_markdown("[a](https://example.com/x?a=1&b=2) [b](../conta/senha.md#reset)\n", 1);
        CHECK(all_html(md) ==
              "<p><a href=\"https://example.com/x?a=1&amp;b=2\">a</a> "
              "<a href=\"../conta/senha.md#reset\">b</a></p>\n");
    }
}

TEST_CASE("Markdown: links keep the line of the file they are on", "[article][unit]") {
    // The body starts on line 5 of the file (after four lines of front matter).
    const std::string body =
        "Veja [a senha](senha.md) primeiro.\n"           // 5
        "\n"                                             // 6
        "Um parágrafo longo que continua\n"              // 7
        "na linha seguinte com [outro](outro.md#x) e\n"  // 8
        "[mais um](../billing/faturas.md).\n"            // 9
        "\n"                                             // 10
        "## Ver [o guia](guia.md)\n"                     // 11
        "\n"                                             // 12
        "- item\n"                                       // 13
        "- item com <https://example.com>\n"             // 14
        "\n"                                             // 15
        "> citação com [âncora](#reset)\n"               // 16
        "\n"                                             // 17
        "Por [referência][ref].\n"                       // 18
        "\n"                                             // 19
        "[ref]: referencia.md\n";                        // 20
    MarkdownBody md = parse_markdown(body, 5);
    CHECK(link_lines(md) ==
          "senha.md@5 outro.md#x@8 ../billing/faturas.md@9 guia.md@11 https://example.com@14 #reset@16 "
          "referencia.md@18");

    SECTION("a body on the first line of the file counts from 1") {
        CHECK(link_lines(parse_markdown("\n\n[a](a.md)\n", 1)) == "a.md@3");
    }
    SECTION("CRLF line ends count the same") {
        CHECK(link_lines(parse_markdown("x\r\n\r\n[a](a.md)\r\n", 10)) == "a.md@12");
    }
    SECTION("link text is part of the plain text, the target is not") {
        MarkdownBody one = parse_markdown("Veja [a senha](senha.md).\n", 1);
        REQUIRE(one.sections.size() == 1);
        CHECK(one.sections[0].text == "Veja a senha.");
    }
}

TEST_CASE("Markdown: plain text drops the markup of lists, code and emphasis", "[article][unit]") {
    struct Case {
        std::string markdown, text;
    };
    for (const auto& c : std::vector<Case>{
             {"*ênfase*, **forte** e `código`\n", "ênfase, forte e código"},
             {"- um\n- dois\n  - três\n", "um\ndois\ntrês"},
             {"1. primeiro\n2. segundo\n", "primeiro\nsegundo"},
             {"```sh\nanticipa check\n```\n", "anticipa check"},
             {"    indentado\n", "indentado"},
             {"> citação\n> em duas linhas\n", "citação em duas linhas"},
             {"linha  \nquebrada\n", "linha quebrada"},
             {"![logo da empresa](logo.png)\n", "logo da empresa"},
             {"a\n\n---\n\nb\n", "a\nb"},
             {"&amp; &lt;tag&gt; &#x5BC6;\n", "& <tag> 密"},
             {"\\*não é ênfase\\*\n", "*não é ênfase*"},
         }) {
        CAPTURE(c.markdown);
        MarkdownBody md = parse_markdown(c.markdown, 1);
        REQUIRE(md.sections.size() == 1);
        CHECK(md.sections[0].text == c.text);
    }
}

// ---- UTF-8 ----

TEST_CASE("Utf8: finds where the first invalid sequence starts", "[common][unit]") {
    const auto npos = std::string_view::npos;
    struct Case {
        std::string name, bytes;
        std::size_t offset;
    };
    for (const auto& c : std::vector<Case>{
             {"ASCII", "password", npos},
             {"empty", "", npos},
             {"accents", "configuração", npos},
             {"Chinese", "忘記密碼", npos},
             {"emoji (4 bytes)", "ok 🔒", npos},
             {"NUL is valid UTF-8", std::string("a\0b", 3), npos},
             {"highest code point U+10FFFF", "\xF4\x8F\xBF\xBF", npos},
             {"Latin-1 é", "caf\xE9 au lait", 3},
             {"lone continuation byte", "a\x80", 1},
             {"truncated at the end", "senha \xE5\xAF", 6},
             {"truncated before ASCII", "\xE5\xAFx", 0},
             {"overlong slash", "\xC0\xAF", 0},
             {"overlong 3-byte", "\xE0\x80\xAF", 0},
             {"UTF-16 surrogate", "ab\xED\xA0\x80", 2},
             {"past U+10FFFF", "\xF4\x90\x80\x80", 0},
             {"5-byte lead", "\xF8\x88\x80\x80\x80", 0},
             {"0xFF", "ok\xFF", 2},
             {"second error after a valid one", "é\xE9", 2},
             {"after eight ASCII bytes and more", "abcdefghij\xFF", 10},
             {"inside a long ASCII run", "abcdefg\xE9hijklmnopqrstuv", 7},
             {"long valid text, ASCII and not", "reset my password please, senha esquecida, 密码", npos},
         }) {
        CAPTURE(c.name);
        CHECK(find_invalid_utf8(c.bytes) == c.offset);
    }
}

TEST_CASE("Utf8: repair replaces invalid sequences with U+FFFD and keeps valid text", "[common][unit]") {
    CHECK(repair_utf8("configuração 密码") == "configuração 密码");
    CHECK(repair_utf8("caf\xE9 au lait") == "caf\xEF\xBF\xBD au lait");
    CHECK(repair_utf8("\xC0\xAF").find("\xEF\xBF\xBD") != std::string::npos);
    for (const std::string bad : {"caf\xE9", "\x80\x80", "ab\xED\xA0\x80", "\xF4\x90\x80\x80", "x\xE5\xAF"}) {
        CAPTURE(bad);
        std::string repaired = repair_utf8(bad);
        CHECK(find_invalid_utf8(repaired) == std::string_view::npos);
        CHECK(repaired.find("\xEF\xBF\xBD") != std::string::npos);
    }
}

TEST_CASE("Utf8: a byte offset maps to its 1-based line", "[common][unit]") {
    const std::string text = "---\ntitle: x\n---\ncaf\xE9\n";
    CHECK(line_of_offset(text, 0) == 1);
    CHECK(line_of_offset(text, 3) == 1);  // the newline itself is still on line 1
    CHECK(line_of_offset(text, 4) == 2);
    CHECK(line_of_offset(text, find_invalid_utf8(text)) == 4);
    CHECK(line_of_offset(text, text.size()) == 5);
    CHECK(line_of_offset(text, 10'000) == 5);  // past the end: the last line
    CHECK(line_of_offset("a\r\nb\r\nc", 6) == 3);
    CHECK(line_of_offset("", 0) == 1);
}
