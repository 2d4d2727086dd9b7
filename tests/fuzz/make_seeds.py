#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/<target>/ (run from anywhere; the output is committed).

Each harness reads choice bytes off the front of its input (see fuzz_input.h) and the rest as
text, so every seed here is those bytes followed by the text. Known findings are seeds too, so a
regression is found at once: the analyzer's invalid UTF-8 (issue 10, point 11), the JWT headers
that made every route answer 500 (point 3), and what the fuzzers themselves found.
"""
import base64
import hashlib
import hmac
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = HERE.parent.parent / "articles"
TIER_SECRET = b"fuzz-tier-secret"  # tier_token_fuzzer.cpp's SECRET

# analyzer_fuzzer.cpp: the sorted folders of locales/, then de, fr, nl.
ANALYZER_LOCALES = ["en", "es", "it", "pt", "zh", "zh-CN", "zh-TW", "de", "fr", "nl"]


def write(target, name, data):
    folder = HERE / target
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(header, claims, digest=hashlib.sha256, signed=True):
    signed_part = b64url(header.encode()) + "." + b64url(claims.encode())
    signature = b64url(hmac.new(TIER_SECRET, signed_part.encode(), digest).digest()) if signed else ""
    return signed_part + "." + signature


def sample_articles():
    paths = ["en/account/reset-password.md", "pt/account/reset-password.md", "zh-TW/account/reset-password.md",
             "it/billing/invoices.md", "es/admin/single-sign-on.md"]
    found = [ARTICLES / p for p in paths if (ARTICLES / p).exists()]
    return found or sorted(ARTICLES.rglob("*.md"))[:5]


def front_matter_and_markdown():
    for path in sample_articles():
        text = path.read_bytes()
        name = path.parent.parent.name + "-" + path.stem
        write("front_matter", name, b"\x01" + text)
        write("markdown", name, b"\x00" + text.split(b"\n---\n", 1)[-1])
    write("front_matter", "tabs-and-anchors", "\x01---\ntitle:\tTabs\ntags: [a, [b]]\ntiers: platinum\n---\nbody\n")
    write("front_matter", "unclosed", "\x00---\ntitle: \"never closed\nid: ../../etc\n")
    write("front_matter", "not-a-map", "\x01---\n- a\n- b\n---\n")
    write("front_matter", "aliases", "\x01---\na: &x [*x]\ntitle: *x\n---\n")
    write("markdown", "raw-html-and-links",
          "\x00# T {#a\"b}\n<script>alert(1)</script>\n[x](javascript:alert(1)) ![y](vbscript:z)\n"
          "<img src=x onerror=alert(1)>\n## Same\n## Same\n")
    write("markdown", "nesting", "\x00" + "> " * 200 + "deep\n" + "* " * 100 + "list\n")
    # Found by this fuzzer: a pinned anchor keeps control characters (slug.cpp's
    # take_explicit_anchor refuses only spaces, tabs and braces), so no link can name it.
    write("markdown", "pinned-anchor-control-character", "\x00# Reset {#a\x01b}\n")


def analyzer():
    texts = {"en": "Reset a forgotten password: don't panic, it's 2FA!", "es": "Restablecer la contraseña olvidada",
             "it": "Reimpostare la password dell'account", "pt": "Não consigo entrar na minha conta",
             "zh": "忘記密碼怎麼辦", "zh-CN": "忘记密码怎么办", "zh-TW": "如何重設密碼？我忘記了",
             "de": "Passwort zurücksetzen", "fr": "Réinitialiser le mot de passe", "nl": "Wachtwoord herstellen"}
    for index, locale in enumerate(ANALYZER_LOCALES):
        write("analyzer", locale, bytes([index]) + texts[locale].encode())
        # Known findings (issue 10, point 11): a token past the end of the text, and
        # std::out_of_range from U+FFFD counted as 3 bytes.
        write("analyzer", locale + "-x9f-in", bytes([index]) + b"\x9fin")
        write("analyzer", locale + "-xff-ab", bytes([index]) + b"\xff\xff\xff\xff\xff ab")
    write("analyzer", "en-mixed-scripts", b"\x00caf\xc3\xa9 \xe5\xaf\x86\xe7\xa2\xbc ABC123 \xf0\x9f\x98\x80")


def query():
    # Locale, tier, prefix, every word, offset (query_fuzzer.cpp), then the query.
    for name, choices, text in [("en-password", [0, 0, 1, 1, 0], "reset passwrd"),
                                ("en-sso-advanced", [0, 2, 1, 1, 0], "generate SCIM token"),
                                ("pt-accents", [1, 0, 1, 1, 0], "nao consigo entrar"),
                                ("zh-tw", [5, 1, 1, 1, 0], "忘記密碼"),
                                ("zh-cn", [6, 1, 0, 1, 1], "忘记密码 两步验证"),
                                ("phrase", [0, 1, 0, 0, 0], '"two factor" -sms OR invoice*'),
                                ("invalid-utf8", [0, 0, 1, 1, 0], b"\x9fin \xff\xff\xff\xff\xff ab")]:
        write("query", name, bytes(choices) + (text if isinstance(text, bytes) else text.encode()))


def pii_scrubber():
    for name, text in [("email", "write to ana.silva+help@example.com.br please"),
                       ("phone", "call +55 (11) 91234-5678 or 555-0100"),
                       ("card", "card 4111 1111 1111 1111 and 4111-1111-1111-1112"),
                       ("digits", "order 1234567 ref 12345 ١٢٣٤٥٦٧"),
                       ("invalid-utf8", b"\xff123456\xc3 a@b.c \xe2\x82")]:
        write("pii_scrubber", name, text if isinstance(text, bytes) else text.encode())


def tier_token():
    hs256 = '{"alg":"HS256","typ":"JWT"}'
    advanced = '{"tier":"advanced","exp":4102444800}'
    valid = token(hs256, advanced)
    noncanonical = valid[:-1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".index(valid[-1]) ^ 1]
    for name, text in [("valid-advanced", valid),
                       ("valid-standard-nbf", token(hs256, '{"tier":"standard","exp":4102444800,"nbf":1999999000}')),
                       ("valid-basic", token('{"alg":"HS256"}', '{"tier":"basic","exp":4102444800.5}')),
                       ("alg-number", token('{"alg":2}', advanced)),
                       ("alg-null", token('{"alg":null}', advanced)),
                       ("alg-none", token('{"alg":"none"}', advanced, signed=False)),
                       ("alg-hs512", token('{"alg":"HS512"}', advanced, hashlib.sha512)),
                       ("alg-rs256", token('{"alg":"RS256"}', advanced)),
                       ("crit", token('{"alg":"HS256","crit":["exp"]}', advanced)),
                       ("noncanonical-signature", noncanonical),
                       ("expired", token(hs256, '{"tier":"advanced","exp":1}')),
                       ("nbf-future", token(hs256, '{"tier":"advanced","exp":4102444800,"nbf":4102444000}')),
                       ("claims-array", token(hs256, json.dumps([{"tier": "advanced"}]))),
                       ("empty-segments", "..")]:
        write("tier_token", name, text)


def request_fields():
    for name, text in [("locale", "PT-br"), ("locale-zh", "zh-Hant-TW"), ("locale-path", "../etc"),
                       ("article", "billing/invoices"), ("article-up", "../etc/passwd"),
                       ("search-id", "0123456789abcdef0123456789abcdef"), ("session", "a1b2c3-d4_e5"),
                       ("route", "/settings/security/sso?email=a@b.c#top"), ("route-control", "/a\x01b\x7f"),
                       ("route-utf8", "/configurações/segurança")]:
        write("request_fields", name, text)


def json_text():
    for name, text in [("plain", "reset my password"), ("escapes", 'say "hi" \\ back\tslash\nnext\x01'),
                       ("markup", "<script>alert('x')</script> & more"), ("utf8", "configuração 密码 🔑"),
                       ("invalid-utf8", b"caf\xe9 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82"),
                       ("runs", "0123456789abcdef\x1f\xc3\xa7\xc3\xa7\xc3\xa7\xc3\xa7\"end")]:
        write("json_text", name, text if isinstance(text, bytes) else text.encode())


if __name__ == "__main__":
    front_matter_and_markdown()
    analyzer()
    query()
    pii_scrubber()
    tier_token()
    request_fields()
    json_text()
