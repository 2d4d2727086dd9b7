// Search stage: a ticket's subject and body -> the articles that may answer it, over a real index
// on disk (search/deflection.h).
#include "search/deflection.h"
#include "index/indexer.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace anticipa;

namespace {

/// Three articles: one about the subject's words, one about the body's, one about neither.
struct TicketDesk {
    TicketDesk() {
        dir.write("articles/en/invoice.md",
                  "---\nid: invoice\ntitle: Download an invoice\n---\n\n"
                  "Open Billing and download the invoice as a PDF.\n");
        dir.write("articles/en/export.md",
                  "---\nid: export\ntitle: Export contacts\n---\n\n"
                  "Export your contacts as a spreadsheet.\n");
        dir.write("articles/en/otters.md",
                  "---\nid: otters\ntitle: Otters\ntiers: [advanced]\n---\n\n"
                  "The otter swims.\n");
        index::IndexOptions options;
        options.index_dir = dir / "index";
        options.load.root = dir / "articles";
        REQUIRE(index::index_articles(options, analyzers).failed == 0);
        service = std::make_unique<search::SearchService>(search::SearcherOptions{options.index_dir, "en"}, analyzers);
    }
    search::Deflection deflect(const std::string& subject, const std::string& body, const std::string& tier = "basic") {
        return search::deflect(*service, {.subject = subject, .body = body, .locale = "en", .tier = tier});
    }

    test::TempDir dir;
    analysis::AnalyzerSet analyzers{test::source_dir() / "locales"};
    std::unique_ptr<search::SearchService> service;
};

std::vector<std::string> ids(const search::Deflection& deflection) {
    std::vector<std::string> found;
    for (const auto& article : deflection.articles) found.push_back(article.hit.id);
    return found;
}

}  // namespace

TEST_CASE("Deflection: head_of keeps whole words of the first characters", "[search][deflection]") {
    struct Case {
        std::string text;
        std::size_t limit;
        std::string head;
    };
    const std::vector<Case> cases{
        {"reset my password please", 14, "reset my"},
        {"reset my password please", 100, "reset my password please"},
        {"passwordreset", 8, "password"},       // no space: cut at the limit
        {"ação de senha", 6, "ação"},           // code points, not bytes
        {"密码重置后无法登录", 4, "密码重置"},  // Chinese has no spaces: cut mid-text
        {" leading", 3, " le"},                 // a space at the start is no place to cut
    };
    for (const auto& c : cases) {
        CAPTURE(c.text, c.limit);
        CHECK(search::head_of(c.text, c.limit) == c.head);
    }
}

TEST_CASE("Deflection: the subject's words count twice, and confidence says how clearly an article stands out",
          "[search][deflection][integration]") {
    TicketDesk desk;
    const auto deflection = desk.deflect("invoice download", "by the way, where is the export?");
    REQUIRE(ids(deflection) == std::vector<std::string>{"invoice", "export"});
    CHECK(deflection.articles[0].confidence == Approx(1.0));  // best for the ticket and for its subject
    CHECK(deflection.articles[1].confidence < 0.5);           // only the body's words find it
    CHECK(deflection.articles[1].confidence > 0.0);
    CHECK(deflection.grouped_by.query == "invoice download");
    CHECK_FALSE(deflection.grouped_by.prefix_last_word);  // a ticket is finished text
    CHECK(deflection.total == 2);                         // the larger of the two searches' counts
}

TEST_CASE("Deflection: one field alone is one search, ranked by the best hit", "[search][deflection][integration]") {
    TicketDesk desk;
    for (const auto& [subject, body] :
         std::vector<std::pair<std::string, std::string>>{{"export contacts spreadsheet", ""},
                                                          {"", "export contacts spreadsheet"},
                                                          {"  \n", "export contacts spreadsheet"}}) {
        CAPTURE(subject, body);
        const auto deflection = desk.deflect(subject, body);
        REQUIRE(ids(deflection) == std::vector<std::string>{"export"});
        CHECK(deflection.articles[0].confidence == Approx(1.0));
        CHECK(deflection.grouped_by.query == (search::blank(subject) ? body : subject));
    }
    // One search per ticket, and the same words are the same search whichever field holds them.
    CHECK(desk.service->cache_stats().misses == 1);
}

TEST_CASE("Deflection: only the first 300 characters of each field are searched", "[search][deflection][integration]") {
    TicketDesk desk;
    std::string filler;
    while (filler.size() < search::TICKET_HEAD_CHARS) filler += "lorem ";
    CHECK(desk.deflect(filler + "invoice", "").articles.empty());
    CHECK(desk.deflect("", filler + "invoice").articles.empty());
    CHECK(ids(desk.deflect("invoice " + filler, "")) == std::vector<std::string>{"invoice"});
    CHECK(desk.deflect(filler + "invoice", "").grouped_by.query.size() < filler.size());
}

TEST_CASE("Deflection: the tier filters, and a blank ticket finds nothing without searching",
          "[search][deflection][integration]") {
    TicketDesk desk;
    CHECK(desk.deflect("otter", "").articles.empty());
    CHECK(ids(desk.deflect("otter", "", "advanced")) == std::vector<std::string>{"otters"});
    const auto blank = desk.deflect(" ", "\n\t");
    CHECK(blank.articles.empty());
    CHECK(blank.total == 0);
    CHECK(desk.service->cache_stats().misses == 2);
}
