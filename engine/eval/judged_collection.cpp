#include "eval/judged_collection.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace anticipa::eval {

namespace {

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, separator);) fields.push_back(field);
    return fields;
}

template <typename Handle>
void for_each_line(const std::filesystem::path& file, Handle handle) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the file");
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        handle(line, [&](const std::string& what) {
            throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": " + what);
        });
    }
}

}  // namespace

JudgedCollection read_judged_collection(const std::filesystem::path& queries, const std::filesystem::path& qrels) {
    JudgedCollection collection;
    for_each_line(queries, [&](const std::string& line, auto fail) {
        auto fields = split(line, '\t');
        if (fields.size() < 3) fail("expected qid<TAB>locale<TAB>query text");
        collection.queries.push_back({fields[0], fields[1], fields[2]});
    });
    for_each_line(qrels, [&](const std::string& line, auto fail) {
        auto fields = line.find('\t') != std::string::npos ? split(line, '\t') : split(line, ' ');
        if (fields.size() == 4) fields.erase(fields.begin() + 1);  // TREC: qid iter docid grade
        if (fields.size() != 3) fail("expected qid<TAB>docid<TAB>relevance");
        try {
            collection.qrels[fields[0]][fields[1]] = static_cast<int>(std::stod(fields[2]));
        } catch (const std::exception&) {
            fail("relevance `" + fields[2] + "` is not a number");
        }
    });
    return collection;
}

}  // namespace anticipa::eval
