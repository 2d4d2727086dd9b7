// Browser test: widget.js in headless Chromium on a product page of another origin, against a
// real `anticipa serve` over a fresh index of the sample articles. Run by CTest:
//   node widget.test.mjs <anticipa binary> <source dir>
// Exit 0 passed, 1 failed, 77 skipped (chromium or chromium-driver missing; CTest reports a skip).
// Drives Debian's chromium through Debian's chromedriver (webdriver.mjs): runs on Node 18.
import { check, runBrowserTest, testArguments, widgetTag } from "./served.mjs";
import { KEYS, waitFor } from "./webdriver.mjs";

await runBrowserTest(testArguments("widget.test.mjs"), async ({ served, product, browser }) => {
  product.setWidget(widgetTag(served.origin, { locale: "pt", tier: "advanced" }), "pt");
  await browser.goto(product.origin);
  const productWindow = await browser.window();

  const button = await browser.first(".anticipa-button");
  await button.click();
  check(await button.attribute("aria-expanded") === "true", "the help button opens the panel");

  // Before anything is typed: the route's articles, with the advanced-only one the token allows.
  await browser.first(".anticipa-link");
  const contextual = await Promise.all((await browser.all(".anticipa-link")).map((a) => a.property("href")));
  check(contextual.some((href) => href.endsWith("/pt/articles/single-sign-on")),
    "contextual articles for data-route come first, for the token's tier");
  check(contextual.some((href) => href.endsWith("/pt/articles/two-factor")), "the parent route's articles too");

  // Search as you type: suggestions, then full results with highlighted snippets; every request
  // of the typing carries one session id and the route, so the content plan counts it once.
  await browser.requests(); // what was sent so far is not part of the typing
  await (await browser.first(".anticipa-input")).type("esqueci minha senha", 30);
  await browser.first(".anticipa-snippet mark");
  const first = await browser.first(".anticipa-link");
  const href = await first.attribute("href");
  check(href.startsWith(`${served.origin}/pt/articles/reset-password`), `the first result is reset-password (${href})`);
  const typing = (await browser.requests()).map((request) => new URL(request.url))
    .filter((url) => url.pathname === "/api/v1/suggest" || url.pathname === "/api/v1/search")
    .map((url) => url.searchParams);
  const sessions = new Set(typing.map((params) => params.get("session")));
  check(typing.length >= 2 && sessions.size === 1 && /^[0-9a-f]{24}$/.test([...sessions][0]) &&
    typing.every((params) => params.get("route") === "/settings/security/sso"),
    `${typing.length} typing requests share one session id and the route`);

  // A click on a result (it opens the article in a new tab) is recorded with the search id and
  // its rank.
  await first.click();
  const clickEvent = await waitFor("the click event", async () => (await browser.requests()).find((request) =>
    request.method === "POST" && request.url.endsWith("/api/v1/events")));
  const event = JSON.parse(clickEvent.postData);
  check(event.type === "click" && event.rank === 1 && /^[0-9a-f]{32}$/.test(event.search_id) &&
    event.source === "search" && event.route === "/settings/security/sso",
    "a click event carries the search id, rank 1, where it was offered and the route");

  await browser.switchTo(productWindow);
  await (await browser.first(".anticipa-input")).press(KEYS.ESCAPE);
  check(!(await (await browser.first(".anticipa-panel")).displayed()), "Escape closes the panel");
  check(await browser.execute("return document.activeElement.className") === "anticipa-button",
    "focus returns to the help button");
  // A missing favicon is the browser's own request, not the widget's.
  const errors = (await browser.errors()).filter((message) => !message.includes("favicon.ico"));
  check(errors.length === 0, `no script errors (${errors.join("; ")})`);

  // The article page itself, rendered by the server: section anchors, then "Was this helpful?".
  await browser.newWindow();
  await browser.goto(`${served.origin}/pt/articles/reset-password`);
  check(await (await browser.first("h1")).text() !== "", "the article page has its title");
  check((await browser.all("#reset-link")).length === 1, "sections keep their anchors (#reset-link)");
  await (await browser.first("button[name=vote][value=yes]")).click();
  await waitFor("the thank-you page", async () => /feedback=thanks/.test(await browser.url()));
  check((await browser.source()).includes("Obrigado pela sua opini"), "the helpful vote is thanked, in Portuguese");
});
