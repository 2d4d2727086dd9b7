#include "index/section_record.h"

#include "index/schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace anticipa::index {

namespace {

// The short fields as length-prefixed bytes after a format byte. They were JSON: parsing it was
// 15% of the instructions of a search the result cache had not seen (1,900 records for 400
// searches), more than the search's own matching. Data written as JSON by an older indexer
// starts with '{' and is still read, so an index need not be rebuilt; each re-indexed article
// is written anew.
constexpr char COMPACT_RECORD = '\x01';

void put_number(std::string& out, std::uint64_t value) {  // LEB128
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

void put_text(std::string& out, const std::string& text) {
    put_number(out, text.size());
    out += text;
}

void put_list(std::string& out, const std::vector<std::string>& list) {
    put_number(out, list.size());
    for (const auto& item : list) put_text(out, item);
}

/// Reads what put_* wrote; a record cut short or longer than its bytes is a corrupt database.
class RecordReader {
  public:
    explicit RecordReader(std::string_view data) : data_(data) {}

    std::uint64_t number() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= data_.size()) corrupt();
            const auto byte = static_cast<unsigned char>(data_[at_++]);
            value |= std::uint64_t(byte & 0x7F) << shift;
            if (byte < 0x80) return value;
        }
        corrupt();
    }
    std::string text() {
        const std::uint64_t size = number();
        if (size > data_.size() - at_) corrupt();
        std::string out(data_.substr(at_, size));
        at_ += size;
        return out;
    }
    std::vector<std::string> list() {
        const std::uint64_t size = number();
        if (size > data_.size() - at_) corrupt();  // each item takes at least a byte
        std::vector<std::string> out;
        out.reserve(size);
        for (std::uint64_t i = 0; i < size; ++i) out.push_back(text());
        return out;
    }
    void finish() const {
        if (at_ != data_.size()) corrupt();
    }

  private:
    [[noreturn]] static void corrupt() {
        throw std::runtime_error("a section record of the index is corrupt; run `anticipa index` to rebuild it");
    }

    std::string_view data_;
    std::size_t at_ = 1;  // past the format byte
};

SectionRecord read_compact(std::string_view data) {
    RecordReader in(data);
    SectionRecord r;
    r.id = in.text();
    r.locale = in.text();
    r.title = in.text();
    r.heading = in.text();
    r.anchor = in.text();
    r.path = in.text();
    r.category = in.text();
    r.updated = in.text();
    r.tags = in.list();
    r.tiers = in.list();
    r.level = static_cast<int>(in.number());
    r.section = static_cast<int>(in.number());
    r.learned = in.number() != 0;
    in.finish();
    return r;
}

/// What indexes written before the compact format hold.
SectionRecord read_json(const std::string& data) {
    auto json = nlohmann::json::parse(data);
    SectionRecord r;
    r.id = json.value("id", "");
    r.locale = json.value("locale", "");
    r.title = json.value("title", "");
    r.heading = json.value("heading", "");
    r.anchor = json.value("anchor", "");
    r.path = json.value("path", "");
    r.category = json.value("category", "");
    r.updated = json.value("updated", "");
    r.tags = json.value("tags", std::vector<std::string>{});
    r.tiers = json.value("tiers", std::vector<std::string>{});
    r.level = json.value("level", 0);
    r.section = json.value("section", 0);
    r.learned = json.value("learned", true);
    return r;
}

}  // namespace

void store_record(Xapian::Document& document, const SectionRecord& r) {
    std::string data(1, COMPACT_RECORD);
    for (const std::string* text : {&r.id, &r.locale, &r.title, &r.heading, &r.anchor, &r.path, &r.category, &r.updated})
        put_text(data, *text);
    put_list(data, r.tags);
    put_list(data, r.tiers);
    put_number(data, static_cast<std::uint64_t>(std::max(r.level, 0)));
    put_number(data, static_cast<std::uint64_t>(std::max(r.section, 0)));
    put_number(data, r.learned ? 1 : 0);
    document.set_data(data);
    document.add_value(SLOT_TEXT, r.text);
    document.add_value(SLOT_HTML, r.html);
}

SectionRecord read_record(const Xapian::Document& document, RecordParts parts) {
    const std::string data = document.get_data();
    SectionRecord r = !data.empty() && data.front() == COMPACT_RECORD ? read_compact(data) : read_json(data);
    if (parts != RecordParts::SHORT_FIELDS) r.text = document.get_value(SLOT_TEXT);
    if (parts == RecordParts::WITH_TEXT_AND_HTML) r.html = document.get_value(SLOT_HTML);
    return r;
}

}  // namespace anticipa::index
