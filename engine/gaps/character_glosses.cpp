#include "gaps/character_glosses.h"

#include <bzlib.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace anticipa::gaps {

namespace {

std::string read_bzip2(const std::filesystem::path& file) {
    std::unique_ptr<FILE, int (*)(FILE*)> raw(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!raw) throw std::runtime_error(file.generic_string() + ": cannot be read");
    int status = BZ_OK;
    BZFILE* compressed = BZ2_bzReadOpen(&status, raw.get(), 0, 0, nullptr, 0);
    if (status != BZ_OK) throw std::runtime_error(file.generic_string() + ": not a bzip2 file");
    std::string text;
    char buffer[1 << 16];
    while (status == BZ_OK) {
        const int read = BZ2_bzRead(&status, compressed, buffer, sizeof buffer);
        if (status == BZ_OK || status == BZ_STREAM_END) text.append(buffer, std::size_t(read));
    }
    BZ2_bzReadClose(nullptr, compressed);
    if (status != BZ_STREAM_END) throw std::runtime_error(file.generic_string() + ": a damaged bzip2 file");
    return text;
}

std::string read_text(const std::filesystem::path& file) {
    if (file.extension() == ".bz2") return read_bzip2(file);
    std::ifstream plain(file, std::ios::binary);
    if (!plain) throw std::runtime_error(file.generic_string() + ": cannot be read");
    std::ostringstream text;
    text << plain.rdbuf();
    return text.str();
}

}  // namespace

// "U+5370<TAB>kDefinition<TAB>print, seal, stamp, chop, mark"; other fields and '#' comments
// are skipped.
CharacterDefinitions read_unihan_definitions(const std::filesystem::path& file) {
    static const std::string FIELD = "\tkDefinition\t";
    const std::string text = read_text(file);
    CharacterDefinitions definitions;
    std::size_t line_number = 0;
    for (std::size_t begin = 0; begin < text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        ++line_number;
        const std::string_view line(text.data() + begin, end - begin);
        begin = end + 1;
        const std::size_t field = line.find(FIELD);
        if (field == std::string_view::npos) continue;
        std::size_t used = 0;
        unsigned long code_point = 0;
        try {
            if (line.substr(0, 2) != "U+") throw std::invalid_argument("no U+");
            code_point = std::stoul(std::string(line.substr(2, field - 2)), &used, 16);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != field - 2 || code_point > 0x10FFFF)
            throw std::runtime_error(file.generic_string() + ":" + std::to_string(line_number) +
                                     ": not a code point before kDefinition");
        definitions[static_cast<char32_t>(code_point)] = std::string(line.substr(field + FIELD.size()));
    }
    return definitions;
}

}  // namespace anticipa::gaps
