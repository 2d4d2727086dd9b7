// Common, alone: the HTML escaping every page, snippet and anchor goes through.
#include "common/html_escape.h"

#include <catch2/catch.hpp>

using namespace anticipa;

TEST_CASE("HTML escaping: the five special bytes become entities, runs between them stay whole",
          "[common][unit]") {
    CHECK(escape_html("") == "");
    CHECK(escape_html("plain text, configuração 密码") == "plain text, configuração 密码");
    CHECK(escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    CHECK(escape_html("&&") == "&amp;&amp;");
    std::string out = "kept ";
    append_escaped_html(out, "1 < 2");
    CHECK(out == "kept 1 &lt; 2");
}
