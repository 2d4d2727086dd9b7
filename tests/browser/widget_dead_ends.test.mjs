// Browser test: a widget search that finds nothing, or finds only through corrected words or in
// another language, still leads somewhere — in headless Chromium, against a real `anticipa
// serve`, in English, Simplified Chinese and German (which has no messages.yaml: English words).
// Run by CTest: node widget_dead_ends.test.mjs <anticipa binary> <source dir>
// Exit 0 passed, 1 failed, 77 skipped (chromium or chromium-driver missing).
import { check, runBrowserTest, testArguments, widgetTag } from "./served.mjs";
import { waitFor } from "./webdriver.mjs";


// Words no sample article has, and whose spelling the index cannot correct either.
const NOTHING_EN = "xylophone quartet";
const NOTHING_ZH = "恐龙";

let served, product, browser; // of the run below, for the helpers

/// Loads the product page with the widget for `locale` and `tier`, opens the panel, types `q`
/// and waits for the search (not only the suggestions) to be shown.
async function searchIn({ locale, tier, pageLang }, q) {
  product.setWidget(widgetTag(served.origin, { locale, tier }), pageLang);
  await browser.goto(product.origin);
  await (await browser.first(".anticipa-button")).click();
  await (await browser.first(".anticipa-input")).type(q, 10);
  await searched(q);
}
/// Waits for the "see all results" link of a search for `q`: it comes with the search's answer.
function searched(q, suffix = "") {
  const wanted = `search?q=${encodeURIComponent(q)}${suffix}`;
  return waitFor(`the search for ${q}${suffix}`, async () => {
    const all = await browser.all(".anticipa-all");
    return all.length && (await all[0].attribute("href")).endsWith(wanted) && all[0];
  });
}
async function texts(css) {
  return Promise.all((await browser.all(css)).map((element) => element.text()));
}
async function href(css) {
  const found = await browser.all(css);
  return found.length ? found[0].attribute("href") : "";
}
const panelText = () => browser.execute("return document.querySelector('.anticipa-panel').innerText");
const lang = () => browser.execute("return document.querySelector('.anticipa-widget').lang");

await runBrowserTest(testArguments("widget_dead_ends.test.mjs"), async (run) => {
  ({ served, product, browser } = run);

  // English, basic tier: nothing found. The words, all results on the help center, and the
  // self-service step: never the advanced tier's representative, nor a contact form.
  const en = { locale: "en", tier: "basic", pageLang: "en" };
  await searchIn(en, NOTHING_EN);
  check((await texts(".anticipa-empty"))[0] === "No articles match your search. Try other words.",
    "no results: the English words of messages.yaml");
  check(await href(".anticipa-all") === `${served.origin}/en/search?q=xylophone%20quartet`,
    "a link to the help center's search page for the same words and locale");
  check((await texts(".anticipa-contact-text"))[0].startsWith("Your plan includes self-service support"),
    "the basic tier's contact step says what its plan offers");
  check((await browser.all(".anticipa-form, .anticipa-representative, .anticipa-phone")).length === 0 &&
    !(await panelText()).includes("named support representative"),
    "a basic-tier token never sees the advanced (or standard) contact step");

  // Corrected words: results only the correction found say so, and offer the words as typed.
  await searchIn(en, "zapeir integraton");
  check((await texts(".anticipa-corrected"))[0] === "Showing results for zapier integration",
    "\"Showing results for\" the corrected words");
  check((await href(".anticipa-link")).startsWith(`${served.origin}/en/articles/integrations`),
    "the corrected words' results are shown");
  check((await browser.all(".anticipa-contact")).length === 0, "results found: no contact step");
  await browser.requests(); // only what the click sends, below
  await (await browser.first(".anticipa-instead .anticipa-words")).click();
  await searched("zapeir integraton", "&correct=false");
  const instead = (await browser.requests()).filter((request) => request.method === "GET")
    .map((request) => new URL(request.url)).filter((url) => url.pathname === "/api/v1/search");
  check(instead.length === 1 && instead[0].searchParams.get("correct") === "false" &&
    instead[0].searchParams.get("q") === "zapeir integraton",
    `"Search instead for" asks for the words as typed (${instead.map((url) => url.search).join(", ")})`);
  check((await texts(".anticipa-empty")).length === 1 && (await browser.all(".anticipa-contact")).length === 1,
    "the words as typed find nothing: the contact step follows");

  await searchIn(en, "pasword recovery link");
  check((await texts(".anticipa-did-you-mean"))[0] === "Did you mean: password recovery link",
    "\"Did you mean\" when the typed words found results of their own");
  await (await browser.first(".anticipa-did-you-mean .anticipa-words")).click();
  await searched("password recovery link");
  check(await browser.execute("return document.querySelector('.anticipa-input').value") === "password recovery link" &&
    (await browser.all(".anticipa-did-you-mean")).length === 0, "choosing the correction searches it");

  // Simplified Chinese, advanced tier: Simplified words (not the zh-TW ones), and the named
  // representative with the contact page of the same locale.
  await searchIn({ locale: "zh-CN", tier: "advanced", pageLang: "zh-CN" }, NOTHING_ZH);
  check(await lang() === "zh-CN" && (await texts(".anticipa-button"))[0] === "帮助", "zh-CN: the button says 帮助");
  check((await texts(".anticipa-empty"))[0] === "没有找到匹配的文章。请换个说法再试。", "zh-CN: no results, in Simplified");
  check((await texts(".anticipa-contact-text"))[0].startsWith("您的工作区配有专属客服代表"),
    "zh-CN: the advanced tier's contact step");
  check((await texts(".anticipa-representative")).length === 1, "zh-CN: with the representative");
  check(await href(".anticipa-form") === `${served.origin}/zh-CN/contact?subject=${encodeURIComponent(NOTHING_ZH)}`,
    "zh-CN: the contact page of the locale, with the customer's words as the subject");

  // German has articles in no locale of the sample and no messages.yaml: the default locale's
  // words (and lang), the notice that the results are in English, the standard tier's form.
  const de = { locale: "de", tier: "standard", pageLang: "de" };
  await searchIn(de, "invoice");
  check(await lang() === "en" && (await texts(".anticipa-button"))[0] === "Help", "de: the default locale's words");
  check((await texts(".anticipa-fallback"))[0] === "Nothing matched in your language, so these articles are in English.",
    "de: results in another language say so");
  check((await href(".anticipa-link")).includes("/en/articles/"), "de: the English articles are shown");
  await searchIn(de, NOTHING_EN);
  check((await texts(".anticipa-contact-text"))[0] === "Send us a message and we will reply by e-mail within 1 business day." &&
    (await href(".anticipa-form")).startsWith(`${served.origin}/en/contact?subject=`) &&
    (await browser.all(".anticipa-representative")).length === 0, "de: the standard tier's contact form, nothing more");

  const errors = (await browser.errors()).filter((message) => !message.includes("favicon.ico"));
  check(errors.length === 0, `no script errors (${errors.join("; ")})`);
});
