// Events stage: the personal-data scrubber, one kind of data per test, and the text it must leave
// exactly as it was.
#include "events/pii_scrubber.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using anticipa::events::scrub_personal_data;

namespace {

using Cases = std::vector<std::pair<std::string, std::string>>;  // text, expected

void check_all(const Cases& cases) {
    for (const auto& [text, expected] : cases) {
        CAPTURE(text);
        CHECK(scrub_personal_data(text) == expected);
    }
}

}  // namespace

TEST_CASE("scrub_personal_data: replaces e-mail addresses", "[events][pii][unit]") {
    check_all({
        {"ana@example.com", "[email]"},
        {"my login ana.silva+help@mail.example.com.br fails", "my login [email] fails"},
        {"write to first_last-2@sub.example.org.", "write to [email]."},
        {"josé.conceição@exemplo.pt não recebe", "[email] não recebe"},
        {"请发邮件到ana@example.cn谢谢", "请发邮件到[email]谢谢"},
        {"(bob@example.com)", "([email])"},
        {"1234567@numbers.example.com", "[email]"},
    });
}

TEST_CASE("scrub_personal_data: replaces phone numbers", "[events][pii][unit]") {
    check_all({
        {"call +55 11 91234-5678 please", "call [phone] please"},
        {"+1 (555) 123-4567", "[phone]"},
        {"+447946095812", "[phone]"},
        {"+44 20 7946 0958", "[phone]"},
        {"(11) 91234-5678", "[phone]"},
        {"(555) 123-4567", "[phone]"},
        {"555-123-4567", "[phone]"},
        {"555.123.4567", "[phone]"},
        {"meu celular 91234-5678", "meu celular [phone]"},
        {"020 7946 0958", "[phone]"},
        {"06 12 34 56 78", "[phone]"},
        {"call 555-123-4567 2 times", "call [phone] 2 times"},
        {"电话：+86 138 0013 8000", "电话：[phone]"},
    });
}

TEST_CASE("scrub_personal_data: replaces Luhn-valid payment card numbers", "[events][pii][unit]") {
    check_all({
        {"4111111111111111", "[card]"},
        {"card 4111 1111 1111 1111 was declined", "card [card] was declined"},
        {"5500-0000-0000-0004", "[card]"},
        {"amex 3782 822463 10005", "amex [card]"},
        {"4111 1111 1111 1111 123", "[card] 123"},  // the security code is too short to matter
    });
    // Luhn-invalid: still a long number, so still scrubbed, but not called a card.
    CHECK(scrub_personal_data("4111111111111112") == "[number]");
}

TEST_CASE("scrub_personal_data: replaces other runs of six or more digits", "[events][pii][unit]") {
    check_all({
        {"order 123456 missing", "order [number] missing"},
        {"invoice #98765432", "invoice #[number]"},
        {"ABC1234567", "ABC[number]"},
        {"tracking 1Z9999999999", "tracking 1Z[number]"},
        {"pedido nº 5551234", "pedido nº [number]"},
    });
}

TEST_CASE("scrub_personal_data: leaves ordinary text unchanged", "[events][pii][unit]") {
    const std::vector<std::string> unchanged = {
        "",
        "reset password",
        "error 404 when I log in",
        "iOS 17 update",
        "invoices from 2024",
        "billing on 2024-12-31",
        "plans for 2019-2024",
        "12-31-2024",
        "100 200 300 400",
        "version 1.2.3",
        "192.168.10.200",
        "1 000 000 users",
        "C++ 20 support",
        "1+1",
        "12345",
        "@home",
        "user@localhost",
        "email me at",
        "如何重置密码",
        "重置密码 2024",
        "configuração da conta",
        "Wie ändere ich mein Passwort?",
        "パスワードを忘れた",
        "\xff\xfe broken \xc3",  // invalid UTF-8 is copied byte for byte
    };
    for (const std::string& text : unchanged) {
        CAPTURE(text);
        CHECK(scrub_personal_data(text) == text);
    }
}
