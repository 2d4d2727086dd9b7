// Index stage: a section's record written into a Xapian document and read back — the compact
// format of this indexer, the JSON of indexes written before it, and corrupt data.
#include "index/section_record.h"
#include "index/schema.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace anticipa;
using index::RecordParts;
using index::SectionRecord;

namespace {

SectionRecord every_field() {
    SectionRecord r;
    r.id = "account/two-factor";
    r.locale = "pt-BR";
    r.title = "Autenticação em dois fatores \"2FA\"";
    r.heading = "Códigos de recuperação";
    r.anchor = "codigos-de-recuperacao";
    r.path = "pt-BR/account/two-factor.md";
    r.text = "Guarde os códigos.";
    r.html = "<p>Guarde os códigos.</p>";
    r.category = "account";
    r.updated = "2026-11-30";
    r.tags = {"2fa", "segurança", ""};
    r.tiers = {"standard", "advanced"};
    r.level = 2;
    r.section = 3;
    r.learned = false;
    return r;
}

void check_same(const SectionRecord& a, const SectionRecord& b) {
    CHECK(a.id == b.id);
    CHECK(a.locale == b.locale);
    CHECK(a.title == b.title);
    CHECK(a.heading == b.heading);
    CHECK(a.anchor == b.anchor);
    CHECK(a.path == b.path);
    CHECK(a.category == b.category);
    CHECK(a.updated == b.updated);
    CHECK(a.tags == b.tags);
    CHECK(a.tiers == b.tiers);
    CHECK(a.level == b.level);
    CHECK(a.section == b.section);
    CHECK(a.learned == b.learned);
}

}  // namespace

TEST_CASE("Section record: every field comes back, the text and HTML only when asked for", "[index][unit]") {
    const SectionRecord written = every_field();
    Xapian::Document document;
    index::store_record(document, written);

    const SectionRecord short_fields = index::read_record(document);
    check_same(short_fields, written);
    CHECK(short_fields.text.empty());
    CHECK(index::read_record(document, RecordParts::WITH_TEXT).text == written.text);
    const SectionRecord whole = index::read_record(document, RecordParts::WITH_TEXT_AND_HTML);
    CHECK(whole.html == written.html);

    SectionRecord empty;
    Xapian::Document blank;
    index::store_record(blank, empty);
    check_same(index::read_record(blank), empty);
}

TEST_CASE("Section record: an index written before the compact format is still read", "[index][unit]") {
    Xapian::Document document;
    // What the JSON writer stored; `learned` only when false.
    document.set_data(
        R"({"id":"account/two-factor","locale":"pt-BR","title":"Autenticação em dois fatores \"2FA\"",)"
        R"("heading":"Códigos de recuperação","anchor":"codigos-de-recuperacao","path":"pt-BR/account/two-factor.md",)"
        R"("category":"account","updated":"2026-11-30","tags":["2fa","segurança",""],)"
        R"("tiers":["standard","advanced"],"level":2,"section":3,"learned":false})");
    document.add_value(index::SLOT_TEXT, "Guarde os códigos.");
    const SectionRecord read = index::read_record(document, RecordParts::WITH_TEXT);
    check_same(read, every_field());
    CHECK(read.text == "Guarde os códigos.");
}

TEST_CASE("Section record: compact data cut short or with bytes left over is reported as corrupt", "[index][unit]") {
    Xapian::Document document;
    index::store_record(document, every_field());
    const std::string data = document.get_data();
    for (const std::string& broken : {data.substr(0, data.size() - 1), data.substr(0, 5), data + "x",
                                      std::string("\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 11)}) {
        Xapian::Document bad;
        bad.set_data(broken);
        CHECK_THROWS_WITH(index::read_record(bad), Catch::Contains("section record of the index is corrupt"));
    }
}
