#include "index/section_record.h"

#include "index/schema.h"

#include <nlohmann/json.hpp>

namespace anticipa::index {

void store_record(Xapian::Document& document, const SectionRecord& r) {
    nlohmann::json json{{"id", r.id},         {"locale", r.locale}, {"title", r.title},       {"heading", r.heading},
                        {"anchor", r.anchor}, {"path", r.path},     {"category", r.category}, {"updated", r.updated},
                        {"tags", r.tags},     {"tiers", r.tiers},   {"level", r.level},       {"section", r.section}};
    if (!r.learned) json["learned"] = false;  // only then: the data of other articles stays as it was
    document.set_data(json.dump());
    document.add_value(SLOT_TEXT, r.text);
    document.add_value(SLOT_HTML, r.html);
}

SectionRecord read_record(const Xapian::Document& document, RecordParts parts) {
    auto json = nlohmann::json::parse(document.get_data());
    SectionRecord r;
    r.id = json.value("id", "");
    r.locale = json.value("locale", "");
    r.title = json.value("title", "");
    r.heading = json.value("heading", "");
    r.anchor = json.value("anchor", "");
    r.path = json.value("path", "");
    if (parts != RecordParts::SHORT_FIELDS) r.text = document.get_value(SLOT_TEXT);
    if (parts == RecordParts::WITH_TEXT_AND_HTML) r.html = document.get_value(SLOT_HTML);
    r.category = json.value("category", "");
    r.updated = json.value("updated", "");
    r.tags = json.value("tags", std::vector<std::string>{});
    r.tiers = json.value("tiers", std::vector<std::string>{});
    r.level = json.value("level", 0);
    r.section = json.value("section", 0);
    r.learned = json.value("learned", true);
    return r;
}

}  // namespace anticipa::index
