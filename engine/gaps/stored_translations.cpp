#include "gaps/stored_translations.h"

#include "common/content_hash.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace anticipa::gaps {

namespace fs = std::filesystem;

namespace {

/// The first line of a stored table; another one (an older format) is learned again, not read.
constexpr const char* FORMAT_LINE = "# anticipa translation table 1";

/// Each regular file under `root` (or `root` itself) as "name size time", sorted by name.
void list_files(const fs::path& root, std::string& listing) {
    std::error_code error;
    if (fs::is_regular_file(root, error)) {
        listing += root.generic_string() + " " + std::to_string(fs::file_size(root, error)) + " " +
                   std::to_string(fs::last_write_time(root, error).time_since_epoch().count()) + "\n";
        return;
    }
    std::vector<std::string> lines;
    for (fs::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        lines.push_back(it->path().lexically_relative(root).generic_string() + " " +
                        std::to_string(it->file_size(error)) + " " +
                        std::to_string(it->last_write_time(error).time_since_epoch().count()) + "\n");
    }
    std::sort(lines.begin(), lines.end());  // directory order is the file system's, not the content's
    for (const std::string& line : lines) listing += line;
}

/// A warning's text on one line of the file.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return text;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t begin = 0;
    for (std::size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1)
        fields.push_back(line.substr(begin, tab - begin));
    fields.push_back(line.substr(begin));
    return fields;
}

}  // namespace

std::string translation_sources(const fs::path& articles_dir, const std::string& index_revision,
                                const DictionaryOptions& dictionaries) {
    std::string listing = "revision " + index_revision + "\narticles\n";
    list_files(articles_dir, listing);
    listing += "dictionaries\n";
    list_files(dictionaries.folder, listing);
    if (!dictionaries.unihan.empty()) list_files(dictionaries.unihan, listing);
    listing += "character senses " + std::to_string(dictionaries.character_senses) + "\n";
    return content_hash(listing);
}

fs::path stored_translations_path(const fs::path& index_dir) { return index_dir / "translations.tsv"; }

void store_translations(const fs::path& index_dir, const Translations& translations, const std::string& sources) {
    const fs::path path = stored_translations_path(index_dir);
    const fs::path temporary = path.string() + ".new." + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << FORMAT_LINE << "\nsources\t" << sources << "\npivot\t" << translations.table.pivot_language() << '\n';
        for (const std::string& warning : translations.warnings) out << "warning\t" << one_line(warning) << '\n';
        for (const TermTranslation& entry : translations.table.entries())
            out << "term\t" << entry.language << '\t' << entry.term << '\t' << entry.pivot << '\t' << entry.probability
                << '\t' << entry.segments << '\t' << entry.source << '\n';
        for (const auto& [character, senses] : translations.table.glosses()) {
            out << "glyph\t" << std::uint32_t(character);
            for (const std::string& sense : senses) out << '\t' << sense;
            out << '\n';
        }
        out << "end\n";  // a file cut short (a full disk, a crash before its data reached it) lacks it
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw std::runtime_error(temporary.string() + ": cannot write the translation table");
        }
    }
    std::error_code error;
    fs::rename(temporary, path, error);  // rename(2): a reader sees the old file or the new one
    if (error) {
        fs::remove(temporary, error);
        throw std::runtime_error(path.string() + ": cannot write the translation table");
    }
}

std::optional<Translations> read_stored_translations(const fs::path& index_dir, const std::string& sources) {
    std::ifstream in(stored_translations_path(index_dir), std::ios::binary);
    std::string line;
    if (!std::getline(in, line) || line != FORMAT_LINE) return std::nullopt;
    if (!std::getline(in, line) || line != "sources\t" + sources) return std::nullopt;
    if (!std::getline(in, line) || line.rfind("pivot\t", 0) != 0) return std::nullopt;
    Translations out{TranslationTable(line.substr(6)), {}};
    while (std::getline(in, line)) {
        if (line == "end") return out;
        const std::vector<std::string> fields = split_tabs(line);
        try {
            if (fields[0] == "warning" && fields.size() == 2) {
                out.warnings.push_back(fields[1]);
            } else if (fields[0] == "term" && fields.size() == 7) {
                out.table.add({fields[1], fields[2], fields[3], std::stod(fields[4]), std::stoul(fields[5]), fields[6]});
            } else if (fields[0] == "glyph" && fields.size() >= 3) {
                out.table.add_character_senses(char32_t(std::stoul(fields[1])),
                                               std::vector<std::string>(fields.begin() + 2, fields.end()));
            } else {
                return std::nullopt;
            }
        } catch (const std::logic_error&) {  // stod/stoul: a damaged line
            return std::nullopt;
        }
    }
    return std::nullopt;  // no end line: cut short
}

Translations plan_translations(const fs::path& articles_dir, const fs::path& index_dir,
                               const std::string& sources, analysis::AnalyzerSet& analyzers,
                               const DictionaryOptions& dictionaries) {
    if (auto stored = read_stored_translations(index_dir, sources)) return std::move(*stored);
    return load_help_center_translations(articles_dir, analyzers, &dictionaries);
}

}  // namespace anticipa::gaps
