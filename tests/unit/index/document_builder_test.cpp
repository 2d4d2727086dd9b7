// Index stage: what a section becomes in the index, as compact golden lines in the style of
// Xapian's own tests ("Zpassword:1 password[3]"): every term, its positions, and its wdf where
// that is not one per position. Profiles are built here; no files, no real articles/.
#include "index/document_builder.h"
#include "index/learned_keys.h"
#include "index/schema.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

/// "term[positions]" for positional terms, "term:wdf" otherwise; ":wdf" after the positions too
/// when the within-document frequency is not one per position (field weights).
std::string terms_of(const Xapian::Document& document) {
    std::string out;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if (!out.empty()) out += ' ';
        out += *term;
        const Xapian::termcount positions = term.positionlist_count();
        if (positions > 0) {
            out += '[';
            std::string separator;
            for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
                out += separator + std::to_string(*position);
                separator = ",";
            }
            out += ']';
        }
        if (term.get_wdf() != positions) out += ":" + std::to_string(term.get_wdf());
    }
    return out;
}

analysis::Analyzer analyzer_for(const std::string& locale, const std::string& stemmer) {
    analysis::AnalysisProfile profile;
    profile.locale = locale;
    profile.stemmer = stemmer;
    profile.split_apostrophes = locale == "it";
    profile.fold_chinese_script = locale.starts_with("zh");
    return analysis::Analyzer(profile);
}

article::Article one_section(const std::string& locale, const std::string& title, const std::string& text) {
    article::Article article;
    article.meta.id = "a";
    article.meta.locale = locale;
    article.meta.title = title;
    article.meta.tiers = {"basic"};
    article.path = locale + "/a.md";
    article.content_hash = "hash";
    article.sections.push_back({.level = 0, .heading = "", .anchor = "", .text = text, .html = ""});
    return article;
}

std::string golden(const std::string& locale, const std::string& stemmer, const std::string& title,
                   const std::string& text) {
    auto documents = index::build_article_documents(one_section(locale, title, text), analyzer_for(locale, stemmer));
    REQUIRE(documents.size() == 1);
    return terms_of(documents[0]);
}

}  // namespace

TEST_CASE("Document builder: a section's terms, positions and field weights, per language", "[index]") {
    struct Case {
        const char* locale;
        const char* stemmer;
        const char* title;
        const char* text;
        const char* terms;
    };
    // Title words weigh 4 (":4") and start at position 1; the body starts FIELD_GAP (100) past the
    // title's last word. Z: stems; ZS: the title's accent-free stems; XF: accent-free stems of
    // accented words; XH: Chinese characters; S: title words (boolean); the rest are filters.
    const Case cases[] = {
        {"en", "english", "Reset passwords", "Open the link.",
         "Len Qen:a# Spasswords Sreset XAa XPen/a.md XSpublished XTbasic ZSpassword:1 ZSreset:1 Zlink:1 Zopen:1 "
         "Zpassword:4 Zreset:4 Zthe:1 link[104] open[102] passwords[2]:4 reset[1]:4 the[103]"},
        {"pt", "portuguese", "Configuração", "Não consigo entrar",
         "Lpt Qpt:a# Sconfiguração XAa XFconfiguraca:4 XFnao:1 XPpt/a.md XSpublished XTbasic ZSconfiguraca:1 "
         "Zconfigur:4 Zconsig:1 Zentrar:1 Znã:1 configuração[1]:4 consigo[102] entrar[103] não[101]"},
        // Elision split: "L'account" is l + account; account's wdf adds title (4) and body (1).
        {"it", "italian", "L'account", "dell'account",
         "Lit Qit:a# Saccount Sl XAa XPit/a.md XSpublished XTbasic ZSaccount:1 ZSl:1 Zaccount:5 Zdell:1 Zl:4 "
         "account[2,103]:5 dell[102] l[1]:4"},
        // Folded to Simplified, cut by ICU's dictionary; bigrams across words (重设, 设密, 记密) have
        // no position; every character also under XH.
        {"zh-TW", "none", "重設密碼", "忘記密碼",
         "Lzh-TW Qzh-TW:a# S密码 S设 S设密 S重 S重设 XAa XH密:5 XH忘:1 XH码:5 XH记:1 XH设:4 XH重:4 "
         "XPzh-TW/a.md XSpublished XTbasic ZS密码:1 ZS设:1 ZS设密:1 ZS重:1 ZS重设:1 Z密码:5 Z忘记:1 Z记密:1 "
         "Z设:4 Z设密:4 Z重:4 Z重设:4 密码[3,104]:5 忘记[103] 记密:1 设[2]:4 设密:4 重[1]:4 重设:4"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.locale, c.title, c.text);
        CHECK(golden(c.locale, c.stemmer, c.title, c.text) == c.terms);
    }
}

TEST_CASE("Document builder: learned phrasings as accent-free stems of their own prefix", "[index][learn]") {
    const auto article = one_section("pt", "Configuração", "Não consigo entrar");
    const auto analyzer = analyzer_for("pt", "portuguese");
    auto learned_terms = [](const Xapian::Document& document) {
        std::string out;
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
            if ((*term).starts_with(index::PREFIX_LEARNED))
                out += (out.empty() ? "" : " ") + *term + ":" + std::to_string(term.get_wdf());
        return out;
    };
    // Without positions, one per phrasing holding the word; the other fields are as before.
    const auto with = index::build_article_documents(article, analyzer, {"Não entro", "senha nao funciona"});
    CHECK(learned_terms(with[0]) == "XLentro:1 XLfuncion:1 XLnao:2 XLsenh:1");
    const auto without = index::build_article_documents(article, analyzer);
    CHECK(learned_terms(without[0]).empty());
    CHECK(without[0].get_value(index::SLOT_LEARNED).empty());
    // The digest says which phrasings, not in which order: reordering them re-indexes nothing.
    CHECK(with[0].get_value(index::SLOT_LEARNED) == index::learned_digest({"senha nao funciona", "Não entro"}));
    CHECK(with[0].get_value(index::SLOT_LEARNED) != index::learned_digest({"Não entro"}));
    // Each phrasing whole too, for the second phase: its words sorted, one phrasing per line.
    CHECK(with[0].get_value(index::SLOT_LEARNED_KEYS) == "entro nao\nfuncion nao senh");
    CHECK(without[0].get_value(index::SLOT_LEARNED_KEYS).empty());
    using Words = std::vector<std::string_view>;
    CHECK(index::decode_learned_keys(with[0].get_value(index::SLOT_LEARNED_KEYS)) ==
          std::vector<Words>{{"entro", "nao"}, {"funcion", "nao", "senh"}});
}
