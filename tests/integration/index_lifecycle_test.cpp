// Index life cycle through the real parts: articles and a locales/ copy in a temporary folder,
// real Xapian databases on disk, the real indexer, Searcher and SearchService. A locale appears
// only once complete; one unusable locale database never stops the others; each database carries
// the profile it was built with.
#include "analysis/analyzer_set.h"
#include "index/index_layout.h"
#include "index/indexer.h"
#include "index/locale_catalog.h"
#include "index/locale_identity.h"
#include "index/schema.h"
#include "search/search_service.h"
#include "search/searcher.h"
#include "support/eventually.h"
#include "support/temp_dir.h"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <algorithm>

#include <fstream>

using namespace anticipa;
using anticipa::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string markdown_article(const std::string& title, const std::string& body) {
    return "---\ntitle: " + title + "\n---\n\n" + body + "\n";
}

/// A help center with its own copy of the project's locales/, so a test can edit a profile.
struct HelpCenter {
    TempDir dir;
    fs::path index_dir = dir / "index";

    HelpCenter() { fs::copy(test::source_dir() / "locales", dir / "locales", fs::copy_options::recursive); }

    void write(const std::string& path, const std::string& content) const { dir.write(path, content); }
    void append(const std::string& path, const std::string& line) const {
        std::ofstream(dir / path, std::ios::app) << line << '\n';
    }

    /// As `anticipa index` does: the profiles of locales/ as they are now.
    index::IndexSummary index(const index::IndexProgress& progress = {}) const {
        analysis::AnalyzerSet analyzers(dir / "locales");
        index::IndexOptions options;
        options.index_dir = index_dir;
        options.load.root = dir / "articles";
        return index::index_articles(options, analyzers, progress);
    }

    /// As `anticipa serve` and `anticipa search` do by default: the profiles the index carries.
    std::unique_ptr<analysis::AnalyzerSet> stored() const { return index::analyzers_for_index(index_dir, {}); }
};

std::vector<std::string> ids(search::Searcher& searcher, const std::string& query, const std::string& locale) {
    search::SearchRequest request;
    request.query = query;
    request.locale = locale;
    std::vector<std::string> out;
    for (const auto& hit : searcher.search(request).hits) out.push_back(hit.id);
    return out;
}

const index::LocaleOutcome& outcome(const index::IndexSummary& summary, const std::string& locale) {
    for (const auto& entry : summary.locales)
        if (entry.locale == locale) return entry;
    FAIL("no outcome for " << locale);
    throw std::logic_error("unreachable");
}

/// Overwrites a database's version file: Xapian then refuses to open it.
void corrupt(const fs::path& database) {
    std::ofstream(database / "iamglass", std::ios::trunc) << "not a Xapian database";
}

}  // namespace

TEST_CASE("Index life cycle: a new locale is built aside and appears only once complete", "[index][integration]") {
    HelpCenter hc;
    hc.write("articles/en/marmot.md", markdown_article("Marmots", "The marmot sleeps in winter."));
    REQUIRE(hc.index().added == 1);
    for (int i = 0; i < 3; ++i)
        hc.write("articles/es/" + std::to_string(i) + ".md",
                 markdown_article("Marmota " + std::to_string(i), "La marmota."));

    // Looked at between two files of the new locale: readers see the old index, whole.
    int looked = 0;
    auto analyzers = hc.stored();
    auto summary = hc.index([&](std::size_t, std::size_t, const std::string& path) {
        if (path.find("articles/es/") == std::string::npos) return;
        ++looked;
        CHECK(index::indexed_locales(hc.index_dir) == std::vector<std::string>{"en"});
        CHECK(fs::exists(index::staging_path(hc.index_dir, "es")));
        search::Searcher searcher({hc.index_dir, "en"}, *analyzers);
        CHECK(searcher.locales() == std::vector<std::string>{"en"});
        CHECK(searcher.unusable().empty());
        CHECK(ids(searcher, "marmot", "en") == std::vector<std::string>{"marmot"});
    });
    CHECK(looked == 3);
    CHECK(index::indexed_locales(hc.index_dir) == std::vector<std::string>{"en", "es"});
    CHECK_FALSE(fs::exists(index::staging_path(hc.index_dir, "es")));
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UNCHANGED);
    CHECK(outcome(summary, "es").publication == index::LocaleOutcome::Publication::NEW_LOCALE);
    CHECK(outcome(summary, "es").profile.starts_with((hc.dir / "locales/es").generic_string() + " (stemmer spanish"));
    search::Searcher searcher({hc.index_dir, "en"}, *analyzers);
    CHECK(ids(searcher, "marmota", "es").size() == 3);
}

TEST_CASE("Locale catalog: lists the published locales, commits only when they change, and is remade when damaged",
          "[index][integration]") {
    HelpCenter hc;
    const fs::path catalog = hc.index_dir / index::LOCALE_CATALOG;
    auto revision = [&] { return Xapian::Database(catalog.string()).get_revision(); };
    hc.write("articles/en/marmot.md", markdown_article("Marmots", "The marmot sleeps in winter."));
    hc.index();
    CHECK(index::read_locale_catalog(catalog) == std::vector<std::string>{"en"});
    const auto first = revision();

    hc.index();  // nothing new: replicas have nothing to copy
    CHECK(revision() == first);

    hc.write("articles/pt-BR/marmota.md", markdown_article("Marmotas", "A marmota dorme no inverno."));
    hc.index();
    CHECK(index::read_locale_catalog(catalog) == std::vector<std::string>{"en", "pt-BR"});
    CHECK(revision() == first + 1);
    CHECK(index::indexed_locales(hc.index_dir) == std::vector<std::string>{"en", "pt-BR"});  // not a locale itself

    std::ofstream(catalog / "iamglass", std::ios::trunc) << "junk";
    REQUIRE(hc.index().failed == 0);
    CHECK(index::read_locale_catalog(catalog) == std::vector<std::string>{"en", "pt-BR"});
}

TEST_CASE("Index life cycle: a locale made by another analyzer is rebuilt aside while the old one serves",
          "[index][integration]") {
    HelpCenter hc;
    hc.write("articles/pt/senha.md", markdown_article("Redefinir a senha", "Abra a página de login."));
    hc.write("articles/pt/conta.md", markdown_article("Excluir a conta", "Apague tudo."));
    hc.write("articles/en/reset.md", markdown_article("Reset the password", "Open the sign-in page."));
    hc.index();
    hc.write("locales/pt/analysis.yaml", "stemmer: none\n");

    int looked = 0;
    auto analyzers = hc.stored();
    auto summary = hc.index([&](std::size_t, std::size_t, const std::string& path) {
        if (path.find("articles/pt/") == std::string::npos) return;
        ++looked;
        search::Searcher searcher({hc.index_dir, "en"}, *analyzers);
        CHECK(searcher.locales() == std::vector<std::string>{"en", "pt"});
        CHECK(ids(searcher, "senhas", "pt") == std::vector<std::string>{"senha"});  // the Portuguese stemmer's
    });
    CHECK(looked == 2);
    const auto& pt = outcome(summary, "pt");
    CHECK(pt.publication == index::LocaleOutcome::Publication::REBUILT_ASIDE);
    CHECK(pt.rebuilt_because.starts_with("was made by a different analyzer (built with stemmer portuguese"));
    CHECK(summary.updated == 2);  // the files were in the index before: rebuilt, not new
    CHECK(summary.added == 0);
    const auto identity = index::read_identity(Xapian::Database(index::database_path(hc.index_dir, "pt").string()));
    REQUIRE(index::stored_profile(identity));
    CHECK(index::stored_profile(identity)->stemmer == "none");
    CHECK_FALSE(fs::exists(index::staging_path(hc.index_dir, "pt")));
}

TEST_CASE("Index life cycle: one unusable locale database never stops the others, and the indexer repairs it",
          "[index][search][integration]") {
    HelpCenter hc;
    hc.write("articles/en/export.md", markdown_article("Export your data", "Download an export of the workspace."));
    hc.write("articles/es/exportar.md", markdown_article("Exportar los datos", "Descarga una copia."));
    hc.write("articles/pt/exportar.md", markdown_article("Exportar os dados", "Baixe uma cópia."));
    hc.index();
    corrupt(index::database_path(hc.index_dir, "es"));
    {
        Xapian::WritableDatabase pt(index::database_path(hc.index_dir, "pt").string(), Xapian::DB_OPEN);
        pt.set_metadata(index::META_FINGERPRINT, "made-by-another-analyzer");
        pt.commit();
    }

    auto analyzers = hc.stored();
    {
        search::Searcher searcher({hc.index_dir, "en"}, *analyzers);
        CHECK(searcher.locales() == std::vector<std::string>{"en"});
        REQUIRE(searcher.unusable().size() == 2);
        const auto& es = searcher.unusable()[0];
        CHECK(es.locale == "es");
        CHECK(es.path == fs::absolute(index::database_path(hc.index_dir, "es")).lexically_normal());
        CHECK(es.reason == "cannot be opened: unreadable, or not a database");
        CHECK_FALSE(es.detail.empty());  // Xapian's words, for the log
        CHECK(es.message().find("until `anticipa index` rebuilds it") != std::string::npos);
        CHECK(searcher.unusable()[1].locale == "pt");
        CHECK(searcher.unusable()[1].reason.starts_with("was made by a different analyzer"));

        // A search in an unusable locale falls back as for a locale with no index.
        search::SearchRequest request;
        request.query = "export";
        request.locale = "es";
        const auto response = searcher.search(request);
        CHECK(response.fallback);
        CHECK(response.locale == "en");
    }

    auto summary = hc.index();
    CHECK(outcome(summary, "es").publication == index::LocaleOutcome::Publication::REBUILT_ASIDE);
    CHECK(outcome(summary, "es").rebuilt_because.starts_with("cannot be read: "));
    CHECK(outcome(summary, "pt").publication == index::LocaleOutcome::Publication::REBUILT_ASIDE);
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UNCHANGED);
    search::Searcher repaired({hc.index_dir, "en"}, *analyzers);
    CHECK(repaired.locales() == std::vector<std::string>{"en", "es", "pt"});
    CHECK(repaired.unusable().empty());
    CHECK(ids(repaired, "exportar", "es") == std::vector<std::string>{"exportar"});
}

TEST_CASE("Index life cycle: one writer at a time, and what a killed writer left is cleared", "[index][integration]") {
    HelpCenter hc;
    hc.write("articles/en/a.md", markdown_article("Alpha", "Text."));
    hc.index();
    // What a kill -9 during a build leaves: a staging folder holding a database. No reader and no
    // replication script listing the locales takes it for one.
    fs::copy(index::database_path(hc.index_dir, "en"), index::staging_path(hc.index_dir, "es"));
    CHECK(index::indexed_locales(hc.index_dir) == std::vector<std::string>{"en"});
    {
        const index::IndexWriterLock writer(hc.index_dir);
        CHECK_FALSE(fs::exists(index::staging_path(hc.index_dir, "es")));
        try {
            index::IndexWriterLock second(hc.index_dir);
            FAIL("a second writer got the lock");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("is locked: another `anticipa index` is writing it") != std::string::npos);
        }
        CHECK_THROWS_AS(hc.index(), std::runtime_error);
    }
    CHECK(hc.index().unchanged == 1);  // the lock went with its holder
}

TEST_CASE("Index life cycle: a synonym edit reaches the searches as a new revision, no article re-indexed",
          "[index][search][integration]") {
    HelpCenter hc;
    hc.write("articles/en/invoices.md", markdown_article("Download invoices", "Every payment produces an invoice."));
    hc.write("articles/en/other.md", markdown_article("Other topic", "Nothing related."));
    hc.index();
    auto analyzers = hc.stored();
    search::SearchService service({hc.index_dir, "en"}, *analyzers);
    search::SearchRequest request;
    request.query = "wombat";
    request.locale = "en";
    CHECK(service.search(request).hits.empty());
    const std::string before = service.status().revision;

    hc.append("locales/en/synonyms.txt", "wombat, invoice");
    auto summary = hc.index();
    CHECK(summary.unchanged == 2);
    CHECK(summary.added + summary.updated + summary.removed == 0);
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UPDATED_IN_PLACE);

    // The same service, no restart: the new revision within the pool's check interval.
    search::SearchResponse found;
    CHECK(test::eventually([&] { return !(found = service.search(request)).hits.empty(); }));
    REQUIRE(found.hits.size() == 1);
    CHECK(found.hits[0].id == "invoices");
    CHECK(service.status().revision != before);
}

TEST_CASE("Searcher: --locales overrides the profile a database carries, and says what differs",
          "[search][integration]") {
    HelpCenter hc;
    hc.write("articles/en/invoices.md", markdown_article("Download invoices", "Every payment produces an invoice."));
    hc.index();

    TempDir edited;
    fs::copy(hc.dir / "locales", edited.path(), fs::copy_options::recursive);
    std::ofstream(edited / "en/synonyms.txt", std::ios::app) << "wombat, invoice\n";
    analysis::AnalyzerSet override_synonyms(edited.path());
    search::Searcher searcher({hc.index_dir, "en"}, override_synonyms);
    REQUIRE(searcher.notices().size() == 1);
    CHECK(searcher.notices()[0].find("--locales searches it with " + (edited / "en").generic_string()) !=
          std::string::npos);
    CHECK(searcher.notices()[0].ends_with(": synonyms differ"));
    CHECK(ids(searcher, "wombat", "en") == std::vector<std::string>{"invoices"});

    edited.write("en/analysis.yaml", "stemmer: none\n");
    analysis::AnalyzerSet override_stemmer(edited.path());
    try {
        search::Searcher refused({hc.index_dir, "en"}, override_stemmer);
        FAIL("served an index with another stemmer's terms");
    } catch (const search::IndexUnusable& e) {
        REQUIRE(e.locales().size() == 1);
        CHECK(e.locales()[0].reason.ends_with("(--locales overrides the profile it was built with)"));
        CHECK(std::string(e.what()).find("run `anticipa index`") != std::string::npos);
    }
}

TEST_CASE("Searcher: a database made before profiles were stored is served again after one index run",
          "[search][integration]") {
    HelpCenter hc;
    hc.write("articles/en/a.md", markdown_article("Alpha", "The quokka."));
    hc.write("articles/pt/a.md", markdown_article("Alfa", "O quokka."));
    hc.index();
    {
        Xapian::WritableDatabase en(index::database_path(hc.index_dir, "en").string(), Xapian::DB_OPEN);
        en.set_metadata(index::META_PROFILE, "");  // deletes the key, as in an index of the previous release
        en.commit();
    }
    auto analyzers = hc.stored();
    {
        search::Searcher searcher({hc.index_dir, "pt"}, *analyzers);
        CHECK(searcher.locales() == std::vector<std::string>{"pt"});
        REQUIRE(searcher.unusable().size() == 1);
        CHECK(searcher.unusable()[0].reason.starts_with("carries no analysis profile"));
    }
    auto summary = hc.index();
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UPDATED_IN_PLACE);
    CHECK(summary.unchanged == 2);
    search::Searcher searcher({hc.index_dir, "pt"}, *analyzers);
    CHECK(searcher.locales() == std::vector<std::string>{"en", "pt"});
}

TEST_CASE("SearchService: with nothing left to serve, reads throw IndexUnusable and status() says why, once",
          "[search][integration]") {
    HelpCenter hc;
    hc.write("articles/en/a.md", markdown_article("Alpha", "The quokka."));
    hc.index();
    auto analyzers = hc.stored();
    std::vector<std::string> notified;
    search::SearchService service({hc.index_dir, "en"}, *analyzers, 0,
                                  [&](const std::string& message) { notified.push_back(message); });
    search::SearchRequest request;
    request.query = "quokka";
    request.locale = "en";
    // Besides problems, the log hears what is served (a revision when first served or picked up)
    // and that the folder changed: news, not problems.
    auto problems = [&] {
        return std::count_if(notified.begin(), notified.end(), [](const std::string& message) {
            return message.find(": serving revision ") == std::string::npos &&
                   message.find("picked up a changed index") == std::string::npos;
        });
    };
    REQUIRE(service.search(request).hits.size() == 1);
    CHECK(service.status().serving);
    CHECK(problems() == 0);
    CHECK(notified ==
          std::vector<std::string>{index::database_path(hc.index_dir, "en").string() + ": serving revision 1"});

    // Met once the pool looks at the index again (within its check interval), then on every read.
    corrupt(index::database_path(hc.index_dir, "en"));
    auto unusable = [&] {
        try {
            service.search(request);
            return false;
        } catch (const search::IndexUnusable&) {
            return true;
        }
    };
    CHECK(test::eventually(unusable));
    for (int i = 0; i < 3; ++i) CHECK_THROWS_AS(service.search(request), search::IndexUnusable);
    const search::IndexStatus status = service.status();
    CHECK_FALSE(status.serving);
    REQUIRE(status.unusable.size() == 1);
    CHECK(status.unusable[0].locale == "en");
    CHECK(status.problem.find(fs::absolute(hc.index_dir).string()) != std::string::npos);
    CHECK(problems() == 1);  // said once, however many requests met it

    hc.index();  // repaired: served again without a new service
    CHECK(test::eventually([&] { return !unusable(); }));
    CHECK(service.search(request).hits.size() == 1);
    CHECK(service.status().serving);
}

TEST_CASE("Index life cycle: a run that changes nothing commits nothing, so the revision stays",
          "[index][integration]") {
    HelpCenter hc;
    hc.write("articles/en/a.md", markdown_article("Alpha", "The quokka."));
    hc.write("articles/en/b.md", markdown_article("Beta", "The numbat."));
    hc.index();
    auto revision = [&] { return Xapian::Database(index::database_path(hc.index_dir, "en").string()).get_revision(); };
    const Xapian::rev first = revision();

    auto summary = hc.index();
    CHECK(summary.unchanged == 2);
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UNCHANGED);
    CHECK(revision() == first);

    // A removed file, an edited one: each is a change, and one commit.
    fs::remove(hc.dir / "articles/en/b.md");
    summary = hc.index();
    CHECK(summary.removed == 1);
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UPDATED_IN_PLACE);
    CHECK(revision() == first + 1);
    hc.write("articles/en/a.md", markdown_article("Alpha", "The quokka, edited."));
    summary = hc.index();
    CHECK(summary.updated == 1);
    CHECK(revision() == first + 2);

    // A profile edit alone (a synonym) is a change too: the servers need the new revision.
    hc.append("locales/en/synonyms.txt", "quokka, wallaby");
    summary = hc.index();
    CHECK(summary.unchanged == 1);
    CHECK(outcome(summary, "en").publication == index::LocaleOutcome::Publication::UPDATED_IN_PLACE);
    CHECK(revision() == first + 3);
}
