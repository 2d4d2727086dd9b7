#include "bench/synthetic_corpus.h"

#include "article/article_loader.h"
#include "article/front_matter.h"
#include "article/slug.h"
#include "common/locale_tag.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <stdexcept>

namespace anticipa::bench {

namespace fs = std::filesystem;

namespace {

/// Languages written without spaces between words: their text is learned and joined by ICU words.
bool is_spaced(const std::string& locale) {
    const std::string language = language_of(locale);
    return language != "zh" && language != "ja";
}

bool is_bench_file(const std::string& path) {
    auto parts = fs::path(path);
    auto it = parts.begin();
    return it != parts.end() && ++it != parts.end() && *it == "bench";
}

template <typename T>
const T& pick(const std::vector<T>& items, std::mt19937_64& rng) {
    return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

bool chance(double probability, std::mt19937_64& rng) {
    return std::uniform_real_distribution<double>(0, 1)(rng) < probability;
}

/// The content words of each line, as written (stop words, numbers and bigrams left out).
void add_query_lines(LocaleSample& sample, const std::string& text, const analysis::Analyzer& analyzer) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string line = text.substr(at, end - at);
        at = end + 1;
        std::vector<std::string> words;
        for (const auto& token : analyzer.analyze(line)) {
            const bool content =
                token.kind == analysis::TokenKind::WORD || token.kind == analysis::TokenKind::IDEOGRAPHIC;
            if (content && !token.stop) words.push_back(line.substr(token.begin, token.end - token.begin));
        }
        if (!words.empty()) sample.query_lines.push_back(std::move(words));
    }
}

void learn(LocaleSample& sample, const article::Article& article, const analysis::Analyzer& analyzer) {
    const auto& meta = article.meta;
    sample.phrases.train(meta.title);
    add_query_lines(sample, meta.title, analyzer);
    for (const auto& question : meta.questions) {
        sample.phrases.train(question);
        add_query_lines(sample, question, analyzer);
    }
    for (const auto& section : article.sections) {
        if (!section.heading.empty()) sample.phrases.train(section.heading);
        if (section.text.empty()) continue;
        sample.body.train(section.text);
        sample.section_bytes.push_back(section.text.size());
        add_query_lines(sample, section.text, analyzer);
    }
    sample.question_counts.push_back(meta.questions.size());
    if (!meta.category.empty()) sample.categories.push_back(meta.category);
    sample.tags.push_back(meta.tags);
    sample.tiers.push_back(meta.tiers);
}

std::string yaml_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + article::yaml_quoted(item);
    return out + "]";
}

/// Writes one locale's articles; each gets its own generator seeded from its number, so a file's
/// content does not depend on how many came before it.
class ArticleWriter {
  public:
    ArticleWriter(const LocaleSample& sample, std::uint64_t seed) : sample_(sample), seed_(seed) {}

    std::string article(std::size_t number, std::size_t sections) {
        rng_.seed(seed_ * 1000003 + number);
        std::string out = "---\nid: bench-" + std::to_string(number) + "\n";
        out += "title: " + article::yaml_quoted(sample_.phrases.sentence(rng_, 2, 7, false)) + "\n";
        if (!sample_.categories.empty())
            out += "category: " + article::yaml_quoted(pick(sample_.categories, rng_)) + "\n";
        out += "tags: " + yaml_list(pick(sample_.tags, rng_)) + "\n";
        out += "tiers: " + yaml_list(pick(sample_.tiers, rng_)) + "\n";
        const std::size_t questions = pick(sample_.question_counts, rng_);
        if (questions > 0) out += "questions:\n";
        for (std::size_t i = 0; i < questions; ++i)
            out += "  - " + article::yaml_quoted(sample_.phrases.sentence(rng_, 3, 9, false)) + "\n";
        char date[16];
        std::snprintf(date, sizeof date, "2026-%02d-%02d", static_cast<int>(rng_() % 12 + 1),
                      static_cast<int>(rng_() % 28 + 1));
        out += std::string("updated: ") + date + "\n---\n\n";
        std::set<std::string> anchors;
        for (std::size_t section = 0; section < sections; ++section) {
            if (section > 0) {
                // Distinct anchors, as `anticipa check` asks of writers; numbered rather than drawn
                // again, so the rest of the article stays the same.
                std::string heading = sample_.phrases.sentence(rng_, 1, 5, false);
                if (!anchors.insert(article::slugify(heading)).second) heading += " " + std::to_string(section + 1);
                out += "## " + escape_markdown(heading) + "\n\n";
            }
            out += section_body(pick(sample_.section_bytes, rng_));
        }
        return out;
    }

  private:
    /// A sentence as Markdown; now and then in bold, as writers mark UI labels.
    std::string sentence() {
        std::string text = escape_markdown(sample_.body.sentence(rng_, 5, 25, true));
        return chance(0.08, rng_) ? "**" + text + "**" : text;
    }

    /// Paragraphs and lists until the plain text is about `target` bytes long.
    std::string section_body(std::size_t target) {
        std::string out;
        const std::string space = sample_.body.spaced() ? " " : "";
        while (out.size() < target) {
            if (chance(0.2, rng_)) {
                const bool numbered = chance(0.5, rng_);
                const std::size_t items = 2 + rng_() % 3;
                for (std::size_t i = 1; i <= items; ++i)
                    out += (numbered ? std::to_string(i) + ". " : "- ") + sentence() + "\n";
            } else {
                const std::size_t sentences = 1 + rng_() % 4;
                for (std::size_t i = 0; i < sentences; ++i) out += (i ? space : "") + sentence();
                out += "\n";
            }
            out += "\n";
        }
        return out;
    }

    const LocaleSample& sample_;
    std::uint64_t seed_;
    std::mt19937_64 rng_;
};

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string() + " (disk full or not writable?)");
}

}  // namespace

std::vector<LocaleSample> load_samples(const fs::path& articles_dir, const std::vector<std::string>& locales,
                                       analysis::AnalyzerSet& analyzers) {
    article::LoadOptions options;
    options.root = articles_dir;
    article::LoadedArticles loaded = article::load_articles(options);
    std::vector<LocaleSample> samples;
    for (const auto& locale : locales) {
        LocaleSample sample(locale, is_spaced(locale));
        const auto& analyzer = analyzers.for_locale(locale);
        for (const auto& file : loaded.files)
            if (file.article && file.locale == locale && !is_bench_file(file.path))
                learn(sample, *file.article, analyzer);
        if (sample.section_bytes.empty() || sample.phrases.empty() || sample.query_lines.empty())
            throw std::runtime_error("no sample article to learn " + locale + " from in " +
                                     (articles_dir / locale).string() +
                                     "; pass --articles with the sample help center");
        samples.push_back(std::move(sample));
    }
    return samples;
}

CorpusSummary write_corpus(const std::vector<LocaleSample>& samples, const CorpusOptions& options) {
    CorpusSummary summary;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const LocaleSample& sample = samples[i];
        const fs::path folder = options.root / sample.locale / "bench";
        fs::create_directories(folder);
        ArticleWriter writer(sample, options.seed + i);
        std::mt19937_64 sizes(options.seed * 31 + i);
        std::size_t quota = options.sections / samples.size() + (i < options.sections % samples.size() ? 1 : 0);
        for (std::size_t number = 1; quota > 0; ++number) {
            // An introduction and two to four headed sections: about four sections per article.
            const std::size_t sections = std::min<std::size_t>(quota, 3 + sizes() % 3);
            const std::string text = writer.article(number, sections);
            char name[32];
            std::snprintf(name, sizeof name, "%06zu.md", number);
            write_file(folder / name, text);
            quota -= sections;
            summary.sections += sections;
            summary.bytes += text.size();
            ++summary.articles;
        }
    }
    return summary;
}

}  // namespace anticipa::bench
