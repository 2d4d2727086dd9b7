#include "article/markdown.h"

#include "article/slug.h"
#include "common/html_escape.h"

#include <cmark.h>

#include <memory>
#include <set>
#include <string>

namespace anticipa::article {

namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CharDeleter {
    void operator()(char* text) const { free(text); }
};

std::string render_html(cmark_node* node) {
    std::unique_ptr<char, CharDeleter> html(cmark_render_html(node, CMARK_OPT_DEFAULT));
    return html ? std::string(html.get()) : std::string();
}

bool ends_block(cmark_node_type type) {
    return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM ||
           type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_BLOCK_QUOTE;
}

/// Plain text of a subtree: literals joined, block ends as newlines; collects links on the way.
std::string plain_text(cmark_node* root, int line_offset, std::vector<Link>* links) {
    std::string text;
    cmark_iter* iter = cmark_iter_new(root);
    int block_line = cmark_node_get_start_line(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter);
        cmark_node_type type = cmark_node_get_type(node);
        if (event == CMARK_EVENT_ENTER && type < CMARK_NODE_FIRST_INLINE && cmark_node_get_start_line(node) > 0)
            block_line = cmark_node_get_start_line(node);
        if (event == CMARK_EVENT_ENTER) {
            switch (type) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_CODE:
                case CMARK_NODE_CODE_BLOCK:
                    text += cmark_node_get_literal(node);
                    break;
                case CMARK_NODE_SOFTBREAK:
                case CMARK_NODE_LINEBREAK:
                    text += ' ';
                    break;
                case CMARK_NODE_LINK:
                    if (links) {
                        int line = cmark_node_get_start_line(node);
                        links->push_back({cmark_node_get_url(node), (line > 0 ? line : block_line) + line_offset});
                    }
                    break;
                default:
                    break;
            }
        } else if (event == CMARK_EVENT_EXIT && ends_block(type)) {
            if (!text.empty() && text.back() != '\n') text += '\n';
        }
    }
    cmark_iter_free(iter);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

/// Takes an explicit "{#anchor}" off the heading's last text node, so it is neither displayed nor
/// indexed. Only plain text counts: `{#name}` inside a code span is an example, not an anchor.
std::string take_heading_anchor(cmark_node* heading) {
    cmark_node* last = cmark_node_last_child(heading);
    if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT) return "";
    std::string literal = cmark_node_get_literal(last);
    std::string anchor = take_explicit_anchor(literal);
    if (!anchor.empty()) cmark_node_set_literal(last, literal.c_str());
    return anchor;
}

}  // namespace

MarkdownBody parse_markdown(std::string_view body, int first_line) {
    MarkdownBody result;
    std::unique_ptr<cmark_node, NodeDeleter> document(
        cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT));
    const int line_offset = first_line - 1;
    std::set<std::string> used_anchors;

    Section current;  // the introduction, before any heading
    auto flush = [&]() {
        while (!current.text.empty() && current.text.back() == '\n') current.text.pop_back();
        if (current.level > 0 || !current.text.empty()) result.sections.push_back(std::move(current));
        current = Section{};
    };
    for (cmark_node* node = cmark_node_first_child(document.get()); node; node = cmark_node_next(node)) {
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
            flush();
            current.level = cmark_node_get_heading_level(node);
            std::string anchor = take_heading_anchor(node);
            current.heading = plain_text(node, line_offset, &result.links);
            const std::string wanted = anchor.empty() ? slugify(current.heading) : anchor;
            current.anchor = unique_anchor(wanted, used_anchors);
            if (current.anchor != wanted)  // a second "## Android": still linkable, as #android-2
                result.renamed_anchors.push_back(
                    {current.heading, current.anchor, cmark_node_get_start_line(node) + line_offset});
            std::string html = render_html(node);  // "<h2>...</h2>\n"
            std::string open = "<h" + std::to_string(current.level) + ">";
            if (html.starts_with(open))
                html.replace(0, open.size(),
                             "<h" + std::to_string(current.level) + " id=\"" + escape_html(current.anchor) + "\">");
            current.html += html;
            continue;
        }
        std::string text = plain_text(node, line_offset, &result.links);
        if (!text.empty()) current.text += text + "\n";
        current.html += render_html(node);
    }
    flush();
    return result;
}

}  // namespace anticipa::article
