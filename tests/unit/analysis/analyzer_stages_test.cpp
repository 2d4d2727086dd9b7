// Analysis stage by stage: the Chinese n-gram pass alone, each language's tokens through the whole
// chain as one golden line, and input that is not valid UTF-8 (the analyzer must never read or
// report bytes outside its input, whatever it is given).
#include "analysis/analyzer.h"
#include "analysis/chinese_ngrams.h"
#include "analysis/segmenter.h"
#include "common/utf8.h"

#include "support/analysis_profiles.h"

#include <catch2/catch.hpp>

#include <random>

using namespace anticipa;
using namespace anticipa::analysis;

namespace {

/// Tokens as one line: "term[position]{begin-end}", then "/stem" when it differs, "|folded" for
/// the accent-free stem, "*" for a stop word; n-grams as "~term[position]{begin-end}".
std::string golden(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& t : tokens) {
        if (!out.empty()) out += ' ';
        if (t.kind == TokenKind::NGRAM) out += "~";
        out += t.term + "[" + std::to_string(t.position) + "]{" + std::to_string(t.begin) + "-" +
               std::to_string(t.end) + "}";
        if (t.kind == TokenKind::NGRAM) continue;
        if (t.stem != t.term) out += "/" + t.stem;
        if (!t.folded_stem.empty()) out += "|" + t.folded_stem;
        if (t.stop) out += "*";
    }
    return out;
}

Token word(const std::string& term, std::uint32_t position, std::uint32_t begin, std::uint32_t end) {
    Token token;
    token.term = token.stem = term;
    token.position = position;
    token.begin = begin;
    token.end = end;
    token.kind = TokenKind::IDEOGRAPHIC;
    return token;
}

}  // namespace

TEST_CASE("Chinese n-grams: characters, bigrams of long words and the bigram across two words",
          "[analysis][unit][zh]") {
    // 安装简单 as one word of four characters, then 吗 right after it: 12 + 3 bytes.
    const std::string text = "安装简单吗";
    const auto tokens = with_chinese_ngrams({word("安装简单", 1, 0, 12), word("吗", 2, 12, 15)}, text);
    CHECK(golden(tokens) ==
          "安装简单[1]{0-12} ~安[1]{0-3} ~装[1]{3-6} ~简[1]{6-9} ~单[1]{9-12} ~安装[1]{0-6} ~装简[1]{3-9} "
          "~简单[1]{6-12} 吗[2]{12-15} ~单吗[1]{9-15} ~吗[2]{12-15}");
}

TEST_CASE("Chinese n-grams: nothing across a gap, a Latin word, or for other scripts", "[analysis][unit][zh]") {
    const std::string text = "密码 app 下载";
    Token app;
    app.term = app.stem = "app";
    app.position = 2;
    app.begin = 7;
    app.end = 10;
    const auto tokens = with_chinese_ngrams({word("密码", 1, 0, 6), app, word("下载", 3, 11, 17)}, text);
    CHECK(golden(tokens) ==
          "密码[1]{0-6} ~密[1]{0-3} ~码[1]{3-6} app[2]{7-10} 下载[3]{11-17} ~下[3]{11-14} ~载[3]{14-17}");
    // Two Chinese words with a space between them: no bigram across.
    const auto spaced = with_chinese_ngrams({word("密码", 1, 0, 6), word("下载", 2, 7, 13)}, "密码 下载");
    for (const Token& t : spaced) CHECK(t.term != "码下");
}

TEST_CASE("Chinese n-grams: a word whose folding changed its length points every n-gram at the whole word",
          "[analysis][unit][zh]") {
    // The term has two characters but the text's bytes hold one (as when NFKC expands a ligature).
    const auto tokens = with_chinese_ngrams({word("密码", 1, 0, 3)}, "㊙");
    CHECK(golden(tokens) == "密码[1]{0-3} ~密[1]{0-3} ~码[1]{0-3}");
}

TEST_CASE("Analyzer: every language's tokens through the whole chain", "[analysis][unit]") {
    struct Case {
        std::string locale, stemmer, text, expected;
    };
    const std::vector<Case> cases{
        {"en", "english", "Can't sign-in: PASSWORDS expired",
         "can't[1]{0-5} sign[2]{6-10} in[3]{11-13} "
         "passwords[4]{15-24}/password expired[5]{25-32}/expir"},
        {"pt", "portuguese", "Não consigo alterar a configuração",
         "não[1]{0-4}/nã|nao consigo[2]{5-12}/consig alterar[3]{13-20}/alter a[4]{21-22} "
         "configuração[5]{23-37}/configur|configuraca"},
        {"es", "spanish", "¿Cómo cambio la contraseña?",
         "cómo[1]{2-7}/com|com cambio[2]{8-14}/cambi la[3]{15-17} contraseña[4]{18-29}/contraseñ|contrasen"},
        {"it", "italian", "Modifica dell'account", "modifica[1]{0-8}/modif dell[2]{9-13} account[3]{14-21}"},
        {"zh-TW", "none", "忘記密碼",
         "忘记[1]{0-6} ~忘[1]{0-3} ~记[1]{3-6} 密码[2]{6-12} ~记密[1]{3-9} ~密[2]{6-9} ~码[2]{9-12}"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.locale, c.text);
        Analyzer analyzer(test::analysis_profile(c.locale, c.stemmer));
        CHECK(golden(analyzer.analyze(c.text)) == c.expected);
    }
}

TEST_CASE("Segmenter: invalid UTF-8 never moves a word past its bytes", "[analysis][unit]") {
    IcuSegmenter segmenter("en");
    // A stray continuation byte is one U+FFFD, but one byte of the text, not three.
    auto segments = segmenter.segment(
        "\x9f"
        "in");
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].begin == 1);
    CHECK(segments[0].end == 3);
    segments = segmenter.segment("\xff\xff\xff\xff\xff ab");
    REQUIRE(segments.size() == 1);
    CHECK(segments[0].begin == 6);
    CHECK(segments[0].end == 8);
}

TEST_CASE("Analyzer: invalid UTF-8 gives tokens inside the input, in every language", "[analysis][unit]") {
    Analyzer en(test::analysis_profile("en", "english"));
    auto tokens = en.analyze(
        "\x9f"
        "in");
    REQUIRE(tokens.size() == 1);
    CHECK(golden(tokens) == "in[1]{1-3}");
    CHECK_NOTHROW(tokens = en.analyze("\xff\xff\xff\xff\xff ab"));
    CHECK(golden(tokens) == "ab[1]{6-8}");

    // Random bytes mixed with real words of each script: no exception, every range inside the
    // text, every term valid UTF-8.
    std::mt19937 random(20261207);
    const std::vector<std::string> pieces{"senha",           "configuração", "密碼", "忘记", "dell'app", " ",
                                          "\xe2\x80\x99",    "\xe5\xaf",     "\xc3", "\x80", "\xff",     "\xed\xa0\x80",
                                          "\xf4\x90\x80\x80"};
    for (const std::string locale : {"en", "pt", "it", "zh-TW"}) {
        Analyzer analyzer(test::analysis_profile(locale, locale == "zh-TW" ? "none"
                                                         : locale == "en"  ? "english"
                                                                           : "portuguese"));
        for (int round = 0; round < 300; ++round) {
            std::string text;
            for (int i = 0, n = 1 + static_cast<int>(random() % 12); i < n; ++i)
                text += pieces[random() % pieces.size()];
            CAPTURE(locale, text);
            std::vector<Token> analyzed;
            REQUIRE_NOTHROW(analyzed = analyzer.analyze(text));
            for (const Token& t : analyzed) {
                CHECK(t.begin <= t.end);
                CHECK(t.end <= text.size());
                CHECK(find_invalid_utf8(t.term) == std::string::npos);
            }
        }
    }
}
