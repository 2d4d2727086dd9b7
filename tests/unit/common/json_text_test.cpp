// Common, alone: JSON strings written by hand (common/json_text.h), checked against nlohmann's
// parser, which is what reads journal lines back and what clients of the API stand in for.
#include "common/json_text.h"

#include "common/utf8.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace anticipa;

TEST_CASE("JSON text: every string reads back as itself, escapes and runs alike", "[common][unit]") {
    for (const std::string& text : {std::string(), std::string("plain ascii, long enough to be a run"),
                                   std::string("say \"hi\" \\ back\tslash\nnext \r line"),
                                   std::string("\x01 control \x1f at both ends \x02"), std::string("\"\"\\\\"),
                                   std::string("configuração 密码 ☃"), std::string("nul \0 inside", 13),
                                   std::string("sixteen bytes ok then \"a quote\" and a tab\tand \\ late"),
                                   std::string("0123456789abcdef\x1f"), std::string("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"x")}) {
        CAPTURE(text);
        std::string out = "[";
        append_json_string(out, text);
        out += "]";
        const nlohmann::json read = nlohmann::json::parse(out);
        CHECK(read.at(0).get<std::string>() == text);
    }
    std::string out;
    append_json_string(out, "a\"b\x01");
    CHECK(out == "\"a\\\"b\\u0001\"");
    out.clear();
    append_json_string(out, "caf\xE9");  // Latin-1: repaired, so the JSON stays valid
    CHECK(out == "\"caf\xEF\xBF\xBD\"");
}

TEST_CASE("JSON text: invalid UTF-8 anywhere is repaired, and what was written before it is kept",
          "[common][unit]") {
    // Each bad sequence after a run long enough for the eight-byte steps, so the writer has
    // copied and escaped part of the text when it meets it.
    const std::string run = "a run of plain words, \"quoted\", then ";
    for (const std::string& bad : {std::string("\xE9"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                                   std::string("\xF4\x90\x80\x80"), std::string("\xE2\x82"), std::string("\x80")}) {
        CAPTURE(bad);
        std::string out = "kept:";
        append_json_string(out, run + bad + " end");
        REQUIRE(out.rfind("kept:", 0) == 0);
        const std::string read = nlohmann::json::parse(out.substr(5)).get<std::string>();
        CHECK(read == repair_utf8(run + bad + " end"));
        CHECK(read.find("\xEF\xBF\xBD") == run.size());  // U+FFFD where the bad bytes were
    }
}

TEST_CASE("JSON text: characters of two to four bytes across the eight-byte steps read back whole",
          "[common][unit]") {
    for (std::size_t pad = 0; pad < 9; ++pad) {
        const std::string text = std::string(pad, 'x') + "\xC3\xA7\xE5\xAF\x86\xF0\x9F\x94\x91\"" + std::string(pad, 'y');
        CAPTURE(pad);
        std::string out;
        append_json_string(out, text);
        CHECK(nlohmann::json::parse(out).get<std::string>() == text);
    }
}

TEST_CASE("JSON text: an object writer writes members in order, names as given", "[common][unit]") {
    std::string out;
    {
        JsonObjectWriter object(out);
        object.text("query", "say \"hi\"");
        object.number("at_ms", -17);
        object.flag("fallback", true);
        object.member("shown") += "[]";
    }
    CHECK(out == R"({"query":"say \"hi\"","at_ms":-17,"fallback":true,"shown":[]})");
    std::string empty;
    { JsonObjectWriter object(empty); }
    CHECK(empty == "{}");
}
