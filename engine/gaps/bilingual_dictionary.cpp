#include "gaps/bilingual_dictionary.h"

#include <unicode/locid.h>
#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace anticipa::gaps {

namespace {

/// dictd's offsets and lengths: base64 digits, most significant first ("B54T").
std::size_t decode_number(const std::string& digits) {
    static const std::string ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t value = 0;
    for (char digit : digits) {
        const auto at = ALPHABET.find(digit);
        if (at == std::string::npos) throw std::invalid_argument("not a dictd number: " + digits);
        value = value * 64 + at;
    }
    return value;
}

/// The whole text of base.dict.dz (dictzip is gzip with an index of its chunks) or base.dict.
std::string read_body(const std::filesystem::path& base) {
    const std::string compressed = base.string() + ".dict.dz";
    if (gzFile file = gzopen(compressed.c_str(), "rb")) {
        std::string text;
        char buffer[1 << 16];
        int read = 0;
        while ((read = gzread(file, buffer, sizeof buffer)) > 0) text.append(buffer, std::size_t(read));
        const bool failed = read < 0;
        gzclose(file);
        if (failed) throw std::runtime_error(compressed + ": not a readable dictzip file");
        return text;
    }
    std::ifstream plain(base.string() + ".dict", std::ios::binary);
    if (!plain) throw std::runtime_error(compressed + ": cannot be read (nor " + base.string() + ".dict)");
    std::ostringstream text;
    text << plain.rdbuf();
    return text.str();
}

std::string trimmed(std::string text) {
    text.erase(0, text.find_first_not_of(" \t"));
    text.erase(text.find_last_not_of(" \t") + 1);
    return text;
}

/// "imprimir /ˌimpɾimˈiɾ/\nprint\n" or "quadro /.../\n1. image, picture\n2. cadre, frame\n":
/// the translations after the headword line, sense numbers and pronunciations left out.
std::vector<std::string> translations_of(const std::string& definition) {
    std::vector<std::string> out;
    std::istringstream lines(definition);
    std::string line;
    std::getline(lines, line);  // the headword, its pronunciation and part of speech
    while (std::getline(lines, line)) {
        const auto number_end = line.find(". ");
        if (number_end != std::string::npos && number_end > 0 && line.find_first_not_of("0123456789") == number_end)
            line.erase(0, number_end + 2);
        std::istringstream items(line);
        std::string item;
        while (std::getline(items, item, ',')) {
            item = trimmed(item);
            if (!item.empty()) out.push_back(item);
        }
    }
    return out;
}

}  // namespace

std::vector<DictionaryEntry> read_dictd(const std::filesystem::path& base) {
    const std::string index_path = base.string() + ".index";
    std::ifstream index(index_path);
    if (!index) throw std::runtime_error(index_path + ": cannot be read");
    const std::string body = read_body(base);
    std::vector<DictionaryEntry> entries;
    std::string line;
    for (std::size_t number = 1; std::getline(index, line); ++number) {
        const auto first_tab = line.find('\t'), second_tab = line.rfind('\t');
        if (first_tab == std::string::npos || first_tab == second_tab)
            throw std::runtime_error(index_path + ":" + std::to_string(number) +
                                     ": not headword<TAB>offset<TAB>length");
        std::string headword = line.substr(0, first_tab);
        if (headword.rfind("00database", 0) == 0 || headword.rfind("00-database", 0) == 0) continue;
        std::size_t offset = 0, length = 0;
        try {
            offset = decode_number(line.substr(first_tab + 1, second_tab - first_tab - 1));
            length = decode_number(line.substr(second_tab + 1));
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(index_path + ":" + std::to_string(number) + ": " + e.what());
        }
        if (offset + length > body.size())
            throw std::runtime_error(index_path + ":" + std::to_string(number) + ": points past the end of the text");
        entries.push_back({std::move(headword), translations_of(body.substr(offset, length))});
    }
    return entries;
}

std::string freedict_name(const std::string& from, const std::string& to) {
    const std::string a = icu::Locale(from.c_str()).getISO3Language();
    const std::string b = icu::Locale(to.c_str()).getISO3Language();
    if (a.empty() || b.empty()) return "";
    return "freedict-" + a + "-" + b;
}

}  // namespace anticipa::gaps
