#include "pages/html_writer.h"

#include <httplib.h>

#include <cctype>

namespace anticipa::server::pages {

namespace {

// Small, readable on a 320-pixel phone: one column, large tap targets, no external assets.
constexpr const char* STYLE = R"css(
*{box-sizing:border-box}
body{margin:0;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang TC","Microsoft JhengHei",sans-serif;
color:#1d2433;background:#fff}
header{background:#25346b;color:#fff;padding:.75rem 1rem}
header a{color:#fff;text-decoration:none;font-weight:600}
header form{display:flex;gap:.5rem;margin-top:.5rem}
input,textarea,button{font:inherit}
input[type=search],input[type=email],textarea,input[type=text]{flex:1;width:100%;padding:.6rem;
border:1px solid #9aa3b5;border-radius:.4rem}
button{padding:.6rem 1rem;border:0;border-radius:.4rem;background:#2f6fde;color:#fff;cursor:pointer;min-height:44px}
main{max-width:46rem;margin:0 auto;padding:1rem}
a{color:#1f5bc4}
mark{background:#ffe58a;padding:0 .1em}
ol.results,ul.articles{list-style:none;padding:0}
ol.results li,ul.articles li{padding:.6rem 0;border-bottom:1px solid #e3e6ee}
.notice{background:#eef4ff;border-left:4px solid #2f6fde;padding:.6rem .8rem;margin:1rem 0}
.feedback{border-top:1px solid #e3e6ee;margin-top:2rem;padding-top:1rem}
nav.pages ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0}
nav.pages a{display:inline-block;min-width:44px;min-height:44px;padding:.6rem .8rem;text-align:center;
border:1px solid #9aa3b5;border-radius:.4rem;text-decoration:none}
nav.pages a[aria-current]{background:#2f6fde;border-color:#2f6fde;color:#fff;font-weight:600}
nav.toc{background:#f5f6f9;padding:.5rem 1rem;border-radius:.4rem}
footer{max-width:46rem;margin:2rem auto;padding:1rem;color:#5b6478;border-top:1px solid #e3e6ee}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
pre,code{white-space:pre-wrap;word-break:break-word}
img{max-width:100%}
)css";

}  // namespace

std::string url_encode(std::string_view text) {
    static const char* HEX = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += HEX[c >> 4];
            out += HEX[c & 15];
        }
    }
    return out;
}

std::string render_page(const PageFrame& frame) {
    const std::string root = "/" + escape_html(frame.locale) + "/";
    std::string html;
    const std::string& lang = frame.lang.empty() ? frame.locale : frame.lang;
    html += "<!DOCTYPE html>\n<html lang=\"" + escape_html(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<title>" + escape_html(frame.title) + " · " + escape_html(frame.site_name) + "</title>\n";
    html += "<style>" + std::string(STYLE) + "</style>\n</head>\n<body>\n<header>\n";
    html += "<a href=\"" + (frame.home.empty() ? root : escape_html(frame.home)) + "\">" +
            escape_html(frame.site_name) + "</a>\n";
    if (!frame.search_label.empty()) {
        html += "<form method=\"get\" action=\"" + root + "search\" role=\"search\">";
        html += "<input type=\"search\" name=\"q\" value=\"" + escape_html(frame.query) + "\" placeholder=\"" +
                escape_html(frame.search_label) + "\" aria-label=\"" + escape_html(frame.search_label) + "\">";
        html += "<button type=\"submit\">" + escape_html(frame.search_button) + "</button></form>\n";
    }
    html += "</header>\n<main>\n" + frame.body + "\n</main>\n";
    if (!frame.contact_label.empty())
        html += "<footer><a href=\"" + root + "contact\">" + escape_html(frame.contact_label) + "</a></footer>\n";
    html += "</body>\n</html>\n";
    return html;
}

void send_html(httplib::Response& response, int status, const std::string& html) {
    response.status = status;
    response.set_header("Cache-Control", "private, no-store");
    response.set_header("Vary", "Cookie, Authorization, Accept-Language");
    response.set_content(html, "text/html; charset=utf-8");
}

void send_redirect(httplib::Response& response, int status, const std::string& location) {
    response.status = status;
    response.set_header("Location", location);
    response.set_header("Vary", "Accept-Language");
    response.set_content("<!DOCTYPE html><a href=\"" + escape_html(location) + "\">" + escape_html(location) + "</a>\n",
                         "text/html; charset=utf-8");
}

}  // namespace anticipa::server::pages
