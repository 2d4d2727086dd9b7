// End to end: `kill -9` of the real `anticipa index` at many points of a run, while a real
// `anticipa serve` answers from the same index folder. After every kill, every locale that was
// serving still answers (through `anticipa search` and over HTTP, never a 5xx), a locale being
// built is either absent or complete, and the next run completes it.
#include "index/index_layout.h"
#include "support/process.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

#include <xapian.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

using namespace anticipa;
using anticipa::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int GENERATED = 300;  ///< articles added to the locale a run builds, so kills land all over it

/// A word of letters only, different for each number: "zqab", "zqac", ...
std::string unique_word(int number) {
    std::string word = "zq";
    for (int n = number + 26; n > 0; n /= 26) word += static_cast<char>('a' + n % 26);
    return word;
}

void generate_articles(const TempDir& dir, const std::string& locale, const std::string& words) {
    for (int i = 0; i < GENERATED; ++i) {
        std::string body;
        for (int sentence = 0; sentence < 8; ++sentence) body += words + " " + unique_word(i) + ". ";
        dir.write("articles/" + locale + "/generated/" + std::to_string(i) + ".md",
                  "---\ntitle: " + words + " " + std::to_string(i) + "\n---\n\n" + body + "\n");
    }
}

/// The top result of each old locale's question: what must keep answering through every kill.
const std::map<std::string, std::string> QUESTIONS{
    {"en", "reset password"}, {"it", "reimpostare la password"}, {"pt", "redefinir senha"}, {"zh-TW", "重設密碼"}};

std::vector<std::string> top_ids_by_cli(const fs::path& index) {
    std::vector<std::string> top;
    for (const auto& [locale, question] : QUESTIONS) {
        auto result = test::run_process({test::anticipa_binary(), "search", question, "--locale", locale, "--index",
                                         index.string(), "--default-locale", "en", "--json"});
        INFO(locale << ": " << result.err);
        REQUIRE(result.exit_code == 0);
        auto answer = json::parse(result.out);
        top.push_back(answer["results"].empty() ? "" : answer["results"][0]["id"].get<std::string>());
    }
    return top;
}

/// Asks the server the old locales' questions and /healthz until stopped; remembers any answer
/// that was not a 200 (or a /healthz that was not "ok").
class ServerWatch {
  public:
    explicit ServerWatch(const test::ServerProcess& server) : server_(server) {
        thread_ = std::thread([this] {
            while (!stop_) {
                check("/healthz");
                for (const auto& [locale, question] : QUESTIONS)
                    check("/api/v1/search?locale=" + locale + "&q=" + httplib::detail::encode_query_param(question));
            }
        });
    }
    ~ServerWatch() { stop(); }
    void stop() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    std::atomic<int> requests{0};
    std::vector<std::string> failures;  ///< read after stop()

  private:
    void check(const std::string& path) {
        auto [status, body] = server_.get_json(path);
        ++requests;
        const bool healthy = path != "/healthz" || (body.is_object() && body["status"] == "ok");
        if (status != 200 || !healthy) failures.push_back(path + " -> " + std::to_string(status) + " " + body.dump());
    }
    const test::ServerProcess& server_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

/// Where to kill a run: after the `after_line`-th progress line (0: before any), then `delay`.
struct KillPoint {
    std::size_t after_line;
    std::chrono::milliseconds delay;
};

/// Kill points over the whole run of `total` progress lines: spread over the files, dense where
/// the built locale is committed and published (after its last file, line `locale_end`) and at the
/// very end.
std::vector<KillPoint> kill_points(std::size_t total, std::size_t locale_end) {
    using std::chrono::milliseconds;
    std::vector<KillPoint> points{{0, milliseconds(0)}};
    for (std::size_t step = 1; step <= 6; ++step) points.push_back({step * locale_end / 7, milliseconds(0)});
    for (int delay : {0, 2, 8, 25, 60}) points.push_back({locale_end, milliseconds(delay)});
    for (int delay : {0, 10}) points.push_back({total, milliseconds(delay)});
    return points;
}

struct Runs {
    TempDir& dir;
    fs::path locales;

    std::vector<std::string> index_command(const fs::path& index) const {
        return {test::anticipa_binary(),
                "index",
                "--articles",
                (dir / "articles").string(),
                "--index",
                index.string(),
                "--locales",
                locales.string(),
                "--progress"};
    }
    /// A whole run on a copy of the index: its progress lines, in order.
    std::vector<std::string> rehearse() const {
        const fs::path copy = dir / "rehearsal";
        fs::remove_all(copy);
        fs::copy(dir / "index", copy, fs::copy_options::recursive);
        auto result = test::run_process(index_command(copy));
        REQUIRE(result.exit_code == 0);
        std::vector<std::string> lines;
        for (std::size_t start = 0, end; (end = result.err.find('\n', start)) != std::string::npos; start = end + 1)
            if (result.err[start] == '[') lines.push_back(result.err.substr(start, end - start));
        fs::remove_all(copy);
        return lines;
    }
    /// Starts a run and kills it at `point` (unless it ended first).
    void kill_at(const KillPoint& point) const {
        test::RunningProcess indexer(index_command(dir / "index"));
        std::string line;
        std::size_t lines = 0;
        while (lines < point.after_line && indexer.read_error_line(line))
            if (line.starts_with("[")) ++lines;
        std::this_thread::sleep_for(point.delay);
        indexer.kill_now();
    }
    void complete() const {
        auto result = test::run_process(index_command(dir / "index"));
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
    }
};

std::size_t last_line_of(const std::vector<std::string>& lines, const std::string& locale) {
    std::size_t last = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find(" articles/" + locale + "/") != std::string::npos ||
            lines[i].find("/articles/" + locale + "/") != std::string::npos)
            last = i + 1;
    return last;
}

Xapian::doccount documents_in(const fs::path& database) {
    return Xapian::Database(database.string()).get_doccount();
}

std::string stored_stemmer(const fs::path& database) {
    return json::parse(Xapian::Database(database.string()).get_metadata("anticipa.profile"))["stemmer"];
}

/// Takes a published locale out of the index as an operator would: one rename (a server watching
/// the folder sees it whole or not at all), then the delete, outside the index folder.
void take_out_locale(const fs::path& dir, const std::string& locale) {
    const fs::path aside = dir / ("removed-" + locale);
    fs::rename(index::database_path(dir / "index", locale), aside);
    fs::remove_all(aside);
}

/// The sample help center without Spanish, indexed, and served from a folder with no locales/.
struct Scene {
    TempDir dir;
    Runs runs{dir, dir / "locales"};

    Scene() {
        fs::create_directories(dir / "articles");
        for (const std::string locale : {"en", "it", "pt", "zh-TW"})
            fs::copy(test::source_dir() / "articles" / locale, dir / "articles" / locale, fs::copy_options::recursive);
        fs::copy(test::source_dir() / "articles/anticipa.yaml", dir / "articles/anticipa.yaml");
        fs::copy(test::source_dir() / "locales", dir / "locales", fs::copy_options::recursive);
    }
};

}  // namespace

TEST_CASE("Crash safety: kill -9 while a new locale is built leaves every old locale serving", "[e2e][crash]") {
    Scene scene;
    scene.runs.complete();
    const std::vector<std::string> answers = top_ids_by_cli(scene.dir / "index");
    for (const auto& id : answers) REQUIRE_FALSE(id.empty());
    fs::copy(test::source_dir() / "articles/es", scene.dir / "articles/es", fs::copy_options::recursive);
    generate_articles(scene.dir, "es", "artículo de prueba sobre facturas");

    const std::vector<std::string> lines = scene.runs.rehearse();
    const std::size_t es_end = last_line_of(lines, "es");
    REQUIRE(es_end > GENERATED);
    scene.runs.complete();
    const Xapian::doccount es_documents = documents_in(index::database_path(scene.dir / "index", "es"));
    take_out_locale(scene.dir.path(), "es");

    test::ServerProcess server({"--index", (scene.dir / "index").string()}, scene.dir.path());
    ServerWatch watch(server);
    int mid_build = 0, published = 0;  // where the kills landed
    for (const KillPoint& point : kill_points(lines.size(), es_end)) {
        CAPTURE(point.after_line, point.delay.count());
        scene.runs.kill_at(point);
        CHECK(top_ids_by_cli(scene.dir / "index") == answers);
        // Spanish appears whole or not at all.
        const auto locales = index::indexed_locales(scene.dir / "index");
        if (std::find(locales.begin(), locales.end(), "es") != locales.end()) {
            CHECK(documents_in(index::database_path(scene.dir / "index", "es")) == es_documents);
            ++published;
        } else {
            CHECK(locales == std::vector<std::string>{"en", "it", "pt", "zh-TW"});
            if (fs::exists(index::staging_path(scene.dir / "index", "es"))) ++mid_build;
        }

        scene.runs.complete();
        CHECK(documents_in(index::database_path(scene.dir / "index", "es")) == es_documents);
        take_out_locale(scene.dir.path(), "es");  // to be added again
    }
    watch.stop();
    CHECK(watch.requests > 0);
    CHECK(watch.failures == std::vector<std::string>{});
    CHECK(server.log().find("cannot be served") == std::string::npos);
    // The kills spread over the run: several while Spanish was being built, some after it was out.
    CHECK(mid_build >= 3);
    CHECK(published >= 1);
}

TEST_CASE("Crash safety: kill -9 while a locale is rebuilt for a new stemmer leaves it serving", "[e2e][crash]") {
    Scene scene;
    generate_articles(scene.dir, "pt", "artigo de teste sobre faturas");
    scene.runs.complete();
    const std::vector<std::string> answers = top_ids_by_cli(scene.dir / "index");
    const fs::path pt = index::database_path(scene.dir / "index", "pt");
    const Xapian::doccount pt_documents = documents_in(pt);

    // Each round switches Portuguese between two stemmers: every run rebuilds it aside.
    const std::string stemmers[] = {"none", "portuguese"};
    scene.dir.write("locales/pt/analysis.yaml", "stemmer: none\nstopwords: stopwords.txt\nsynonyms: synonyms.txt\n");
    const std::vector<std::string> lines = scene.runs.rehearse();
    const std::size_t pt_end = last_line_of(lines, "pt");
    REQUIRE(pt_end > GENERATED);

    test::ServerProcess server({"--index", (scene.dir / "index").string()}, scene.dir.path());
    ServerWatch watch(server);
    int round = 0, mid_build = 0, swapped = 0;
    for (const KillPoint& point : kill_points(lines.size(), pt_end)) {
        CAPTURE(point.after_line, point.delay.count());
        const std::string& target = stemmers[round++ % 2];
        scene.dir.write("locales/pt/analysis.yaml",
                        "stemmer: " + target + "\nstopwords: stopwords.txt\nsynonyms: synonyms.txt\n");
        scene.runs.kill_at(point);
        CHECK(documents_in(pt) == pt_documents);  // the old database or the new one, whole
        if (fs::exists(index::staging_path(scene.dir / "index", "pt"))) ++mid_build;
        if (stored_stemmer(pt) == target) ++swapped;
        auto search = test::run_process({test::anticipa_binary(), "search", unique_word(7), "--locale", "pt", "--index",
                                         (scene.dir / "index").string(), "--json"});
        REQUIRE(search.exit_code == 0);
        CHECK(json::parse(search.out)["results"][0]["id"] == "generated/7");
        CHECK(top_ids_by_cli(scene.dir / "index")[0] == answers[0]);  // en untouched

        scene.runs.complete();
        CHECK(stored_stemmer(pt) == target);
        CHECK(documents_in(pt) == pt_documents);
    }
    watch.stop();
    CHECK(watch.requests > 0);
    CHECK(watch.failures == std::vector<std::string>{});
    CHECK(mid_build >= 3);  // killed while the new database was being built aside
    CHECK(swapped >= 1);    // and after it had been swapped in
}
