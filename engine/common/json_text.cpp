#include "common/json_text.h"

#include "common/utf8.h"

namespace anticipa {

void append_json_string(std::string& out, std::string_view text) {
    std::string repaired;
    if (find_invalid_utf8(text) != std::string_view::npos) {
        repaired = repair_utf8(text);
        text = repaired;
    }
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static constexpr char HEX[] = "0123456789abcdef";
                    out += "\\u00";
                    out += HEX[(c >> 4) & 0xF];
                    out += HEX[c & 0xF];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace anticipa
