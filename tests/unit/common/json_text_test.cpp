// Common, alone: JSON strings written by hand (common/json_text.h), checked against nlohmann's
// parser, which is what reads journal lines back and what clients of the API stand in for.
#include "common/json_text.h"

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
