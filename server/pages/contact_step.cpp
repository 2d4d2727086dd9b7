#include "pages/contact_step.h"

namespace anticipa::server::pages {

ContactLevel contact_level(const EscalationOptions& offer) {
    if (!offer.representative.empty() || !offer.phone.empty()) return ContactLevel::PERSONAL;
    return offer.contact_form ? ContactLevel::FORM : ContactLevel::SELF_SERVICE;
}

const char* contact_intro_key(ContactLevel level) {
    switch (level) {
        case ContactLevel::PERSONAL:
            return "contact.advanced";
        case ContactLevel::FORM:
            return "contact.standard";
        case ContactLevel::SELF_SERVICE:
            break;
    }
    return "contact.basic";
}

std::string dialable(const std::string& phone) {
    std::string digits;
    for (char c : phone)
        if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits.push_back(c);
    return digits;
}

}  // namespace anticipa::server::pages
