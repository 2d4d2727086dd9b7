// Analysis stage, alone and as a chain: each stage's contract, then per-language behaviour.
#include "analysis/analyzer.h"
#include "analysis/normalizer.h"
#include "analysis/segmenter.h"

#include "support/analysis_profiles.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

using namespace anticipa::analysis;
namespace test = anticipa::test;

namespace {

/// Tokens as one compact line, like Xapian's own tests: "term/stem@position", n-grams as "~term".
std::string summary(const std::vector<Token>& tokens) {
    std::string out;
    for (const auto& t : tokens) {
        if (!out.empty()) out += ' ';
        if (t.kind == TokenKind::NGRAM) {
            out += "~" + t.term;
            continue;
        }
        out += t.term;
        if (t.stem != t.term) out += "/" + t.stem;
        if (!t.folded_stem.empty()) out += "|" + t.folded_stem;
        if (t.stop) out += "(stop)";
        out += "@" + std::to_string(t.position);
    }
    return out;
}

std::vector<std::string> terms(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.term);
    return out;
}

}  // namespace

TEST_CASE("Normalizer: NFKC and case folding make one form of a word", "[analysis][unit]") {
    CHECK(normalize_word("ＣＯＮＦＩＧ") == "config");
    CHECK(normalize_word("Straße") == "strasse");
    CHECK(normalize_word("CONFIGURAÇÃO") == "configuração");
    CHECK(normalize_word("Password") == "password");
}

TEST_CASE("Normalizer: accents fold on Latin letters only", "[analysis][unit]") {
    CHECK(fold_accents("configuração") == "configuracao");
    CHECK(fold_accents("perché") == "perche");
    CHECK(fold_accents("contraseña") == "contrasena");
    CHECK(fold_accents("密码") == "密码");
    CHECK(fold_accents("नमस्ते") == "नमस्ते");  // Devanagari marks are part of the word
}

TEST_CASE("Normalizer: Traditional Chinese folds to Simplified", "[analysis][unit][zh]") {
    ChineseScriptFolder folder;
    CHECK(folder.to_simplified("帳號設定") == "帐号设定");
    CHECK(folder.to_simplified("發票") == "发票");
    CHECK(folder.to_simplified("发票") == "发票");
}

TEST_CASE("Normalizer: folding a character at a time gives what ICU gives the whole text",
          "[analysis][unit][zh]") {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> icu_folder(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    REQUIRE(U_SUCCESS(status));
    auto by_icu = [&](const std::string& text) {
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
        icu_folder->transliterate(unicode);
        std::string out;
        return unicode.toUTF8String(out);
    };
    ChineseScriptFolder folder;
    // Phrases ICU maps otherwise than their characters one by one, inside longer text, then the
    // same characters apart; mixed scripts; invalid UTF-8.
    for (const std::string& text :
         {std::string("這是甚麼東西？"), std::string("甚至 麼"), std::string("乾坤大挪移，乾淨的衣服"),
          std::string("畫分區域後再畫一張圖"), std::string("Quillo 的帳號 reset 設定 2FA"), std::string("重設密碼"),
          std::string("壞掉的 \xE5\xB8 位元組"), std::string()}) {
        CAPTURE(text);
        CHECK(folder.to_simplified(text) == by_icu(text));
    }
    CHECK(folder.to_simplified("乾坤") == "乾坤");  // the phrase keeps 乾 ...
    CHECK(folder.to_simplified("乾") == "干");      // ... which alone becomes 干
    // Every line of the help center's Chinese articles.
    std::size_t lines = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() / "articles" / "zh-TW")) {
        if (entry.path().extension() != ".md") continue;
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line); ++lines) {
            CAPTURE(entry.path().string(), line);
            CHECK(folder.to_simplified(line) == by_icu(line));
        }
    }
    CHECK(lines > 500);
}

TEST_CASE("Segmenter: words keep their byte range in the original text", "[analysis][unit]") {
    IcuSegmenter segmenter("pt");
    const std::string text = "Não consigo: 2FA, e-mail!";
    std::vector<std::string> words;
    for (const auto& s : segmenter.segment(text)) words.push_back(text.substr(s.begin, s.end - s.begin));
    CHECK(words == std::vector<std::string>{"Não", "consigo", "2FA", "e", "mail"});
}

TEST_CASE("Segmenter: splits Chinese with the ICU dictionary", "[analysis][unit][zh]") {
    IcuSegmenter segmenter("zh");
    const std::string text = "我忘记了密码";
    std::vector<std::string> words;
    for (const auto& s : segmenter.segment(text)) words.push_back(text.substr(s.begin, s.end - s.begin));
    CHECK(words == std::vector<std::string>{"我", "忘记", "了", "密码"});
}

TEST_CASE("Analyzer: Portuguese inflections share a stem and accents add a folded form", "[analysis][unit][pt]") {
    Analyzer pt(test::analysis_profile("pt", "portuguese"));
    CHECK(summary(pt.analyze("Senhas esquecidas")) == "senhas/senh@1 esquecidas/esquec@2");
    CHECK(pt.analyze("senha")[0].stem == pt.analyze("senhas")[0].stem);
    auto accented = pt.analyze("configuração")[0];
    auto plain = pt.analyze("configuracao")[0];
    CHECK(accented.folded_stem == plain.stem);  // "configuracao" finds "configuração"
    CHECK(accented.stem != plain.stem);         // and exact accents still match more
}

TEST_CASE("Analyzer: Spanish, Italian and English stems", "[analysis][unit]") {
    struct Case {
        std::string locale, stemmer, a, b;
    };
    for (const auto& c : std::vector<Case>{{"es", "spanish", "facturas", "factura"},
                                           {"it", "italian", "notifiche", "notifica"},
                                           {"en", "english", "invoices", "invoicing"},
                                           {"en", "english", "cancelled", "cancel"}}) {
        CAPTURE(c.locale, c.a, c.b);
        Analyzer analyzer(test::analysis_profile(c.locale, c.stemmer));
        CHECK(analyzer.analyze(c.a)[0].stem == analyzer.analyze(c.b)[0].stem);
    }
}

TEST_CASE("Analyzer: Italian elisions split at the apostrophe", "[analysis][unit][it]") {
    Analyzer it(test::analysis_profile("it", "italian"));
    CHECK(terms(it.analyze("dell'account l’app")) == std::vector<std::string>{"dell", "account", "l", "app"});
    auto p = test::analysis_profile("it", "italian");
    p.split_apostrophes = false;
    Analyzer unsplit(p);
    CHECK(terms(unsplit.analyze("dell'account")) == std::vector<std::string>{"dell'account"});
}

TEST_CASE("Analyzer: long Chinese words also yield overlapping bigrams", "[analysis][unit][zh]") {
    Analyzer zh(test::analysis_profile("zh-TW", "none"));
    auto tokens = zh.analyze("安裝應用程式");
    auto all = terms(tokens);
    // Whatever the dictionary makes of it, 程式 must be reachable as a term or a bigram.
    CHECK(std::find(all.begin(), all.end(), "程式") != all.end());
    for (const auto& t : tokens) {
        CAPTURE(t.term);
        CHECK(t.end > t.begin);
    }
}

TEST_CASE("Analyzer: Chinese words also yield their characters and the bigram across two words",
          "[analysis][unit][zh]") {
    Analyzer zh(test::analysis_profile("zh-CN", "none"));
    // ~记密 spans both words and belongs to the first (position 1), as a word's own bigrams do.
    CHECK(summary(zh.analyze("忘记密码")) == "忘记@1 ~忘 ~记 密码@2 ~记密 ~密 ~码");
    for (const auto& t : zh.analyze("忘记密码"))
        if (t.term == "记密") CHECK(t.position == 1);
    // Characters are told apart from bigrams and words: they go under a prefix of their own.
    auto tokens = zh.analyze("稻");
    REQUIRE(tokens.size() == 2);
    CHECK_FALSE(is_character(tokens[0]));
    CHECK(is_character(tokens[1]));
    // No bigram across punctuation or across a Latin word.
    auto apart = terms(zh.analyze("铁幕」维持 app 下载"));
    CHECK(std::find(apart.begin(), apart.end(), "幕维") == apart.end());
    CHECK(std::find(apart.begin(), apart.end(), "持下") == apart.end());
}

TEST_CASE("Analyzer: Traditional and Simplified text make the same terms", "[analysis][unit][zh]") {
    Analyzer zh(test::analysis_profile("zh-TW", "none"));
    CHECK(terms(zh.analyze("忘記密碼怎麼辦")) == terms(zh.analyze("忘记密码怎么办")));
    CHECK(terms(zh.analyze("下載發票")) == terms(zh.analyze("下载发票")));
}

TEST_CASE("Analyzer: stop words are marked, not removed", "[analysis][unit]") {
    auto p = test::analysis_profile("pt", "portuguese");
    p.stopwords = {"não", "a", "de"};
    Analyzer pt(p);
    CHECK(summary(pt.analyze("nao sei a senha")) == "nao(stop)@1 sei@2 a(stop)@3 senha/senh@4");
}

TEST_CASE("Analyzer: synonyms match by stem, phrases included", "[analysis][unit]") {
    auto p = test::analysis_profile("en", "english");
    p.synonym_groups = {{"sign in", "log in", "login"}, {"invoice", "receipt", "bill"}};
    Analyzer en(p);
    auto tokens = en.analyze("logging in to see receipts");
    auto login = en.synonyms().match(tokens, 0);
    REQUIRE(login);
    CHECK(login->length == 2);
    CHECK(en.synonyms().group(login->group).size() == 3);
    auto receipts = en.synonyms().match(tokens, 4);
    REQUIRE(receipts);
    CHECK(receipts->length == 1);
    CHECK_FALSE(en.synonyms().match(tokens, 3));
}

TEST_CASE("Analyzer: token byte ranges point at the original words", "[analysis][unit]") {
    Analyzer pt(test::analysis_profile("pt", "portuguese"));
    const std::string text = "Como ALTERAR a Configuração?";
    for (const auto& t : pt.analyze(text)) {
        CAPTURE(t.term);
        CHECK(normalize_word(text.substr(t.begin, t.end - t.begin)) == t.term);
    }
}

TEST_CASE("Analyzer: the fingerprint changes with what decides index terms", "[analysis][unit]") {
    Analyzer english(test::analysis_profile("en", "english"));
    Analyzer none(test::analysis_profile("en", "none"));
    auto with_stops = test::analysis_profile("en", "english");
    with_stops.stopwords = {"the"};
    Analyzer stops(with_stops);
    CHECK(english.fingerprint() != none.fingerprint());
    CHECK(english.fingerprint() == stops.fingerprint());  // stop words only shape queries
}

TEST_CASE("Analyzer: one analyzer serves several threads", "[analysis][unit]") {
    Analyzer zh(test::analysis_profile("zh-TW", "none"));
    const auto expected = terms(zh.analyze("無法登入帳號"));
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 200; ++k)
                if (terms(zh.analyze("無法登入帳號")) != expected) ++mismatches;
        });
    for (auto& t : threads) t.join();
    CHECK(mismatches == 0);
}
