// Server pages: a tier's plan -> what its contact step offers after the articles. The contact
// page renders it as HTML and the widget gets it as JSON (widget/widget_text.cpp), so both
// offer a customer the same way to reach support and say it in the same words.
#pragma once

#include "server_config.h"

#include <string>

namespace anticipa::server::pages {

/// How directly a plan lets the customer reach the support team.
enum class ContactLevel {
    SELF_SERVICE,  ///< the help center, and the forum when there is one
    FORM,          ///< a message answered by e-mail
    PERSONAL,      ///< a named representative or a phone line (and the form, when the plan has it)
};

/// PERSONAL when the plan names a representative or phone line, FORM when it has only the
/// contact form, else SELF_SERVICE.
ContactLevel contact_level(const EscalationOptions& offer);

/// The message that opens the step: contact.advanced, contact.standard or contact.basic.
const char* contact_intro_key(ContactLevel level);

/// "+1 (555) 0100" -> "+15550100" for a tel: link.
std::string dialable(const std::string& phone);

}  // namespace anticipa::server::pages
