// Browser tests' fixtures: the sample help center indexed into a temp folder and served by a real
// `anticipa serve` on a free loopback port, a customer's product page on its own origin that
// embeds the widget, and the tier tokens the product would sign.
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Browser, missingBrowser } from "./webdriver.mjs";

export const SECRET = "browser-test-secret";
const SKIP = 77; // CTest's SKIP_RETURN_CODE

/// The test's command line, `<anticipa binary> <source dir>`: exits 2 without it, and 77 (CTest
/// reports a skip) when chromium or chromium-driver is missing.
export function testArguments(script) {
  const [anticipa, sourceDir] = process.argv.slice(2);
  if (!anticipa || !sourceDir) {
    console.error(`usage: node ${script} <anticipa binary> <source dir>`);
    process.exit(2);
  }
  const missing = missingBrowser();
  if (missing) {
    console.log(`skipped: ${missing}`);
    process.exit(SKIP);
  }
  return { anticipa, sourceDir };
}

const base64url = (text) => Buffer.from(text).toString("base64url");

/// An HS256 tier token, as the customer's product would sign it.
export function tierToken(tier) {
  const head = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = base64url(JSON.stringify({ tier, exp: Math.floor(Date.now() / 1000) + 3600 }));
  const signature = createHmac("sha256", SECRET).update(`${head}.${claims}`).digest("base64url");
  return `${head}.${claims}.${signature}`;
}

export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

/// A temp folder with the sample articles indexed in it; `remove()` deletes it.
export function indexSample(anticipa, sourceDir) {
  const work = mkdtempSync(join(tmpdir(), "anticipa-browser-"));
  const indexDir = join(work, "index");
  const indexed = spawnSync(anticipa, ["index", "--articles", join(sourceDir, "articles"), "--index", indexDir,
    "--locales", join(sourceDir, "locales")], { encoding: "utf8" });
  if (indexed.status !== 0) throw new Error(`anticipa index failed:\n${indexed.stderr}`);
  return { work, indexDir, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/// Starts `anticipa serve` on a free port and resolves with its origin once it listens.
export function startServer(anticipa, sourceDir, sample, allowedOrigin) {
  const child = spawn(anticipa, ["serve", "--listen", "127.0.0.1:0", "--index", sample.indexDir,
    "--locales", join(sourceDir, "locales"), "--events", join(sample.work, "events.db")], {
    env: { ...process.env, ANTICIPA_ALLOWED_ORIGINS: allowedOrigin, ANTICIPA_TIER_SECRET: SECRET },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`anticipa serve did not start:\n${log}`)), 20000);
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const listening = /listening on (http:\/\/[\d.]+:\d+)/.exec(log);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, origin: listening[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`anticipa serve exited with ${code}:\n${log}`)));
  });
}

/// The customer's product: one page on its own origin that embeds the widget with the script tag
/// given to `setWidget`, in the page language given with it.
export function startProductPage() {
  let widgetTag = "", lang = "en";
  const server = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="${lang}"><head><title>Quillo · Settings</title></head>
<body><h1>Quillo</h1>${widgetTag}</body></html>`);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({
      server,
      origin: `http://127.0.0.1:${server.address().port}`,
      setWidget: (tag, pageLang = "en") => {
        widgetTag = tag;
        lang = pageLang;
      },
    });
  }));
}

/// The script tag that embeds the widget from `origin` for a customer of `tier` in `locale`.
export function widgetTag(origin, { locale, tier, route = "/settings/security/sso" }) {
  return `<script src="${origin}/widget.js" data-server="${origin}" data-locale="${locale}"
    data-route="${route}" data-token="${tierToken(tier)}" async></script>`;
}

/// Runs `test({ served, product, browser })` with the sample help center served, a product page
/// allowed to embed the widget and a headless Chromium; then stops them all and removes the
/// index. Prints "passed", or the failure with exit code 1.
export async function runBrowserTest({ anticipa, sourceDir }, test) {
  let sample, served, product, browser;
  try {
    sample = indexSample(anticipa, sourceDir);
    product = await startProductPage();
    served = await startServer(anticipa, sourceDir, sample, product.origin);
    browser = await Browser.launch();
    await test({ served, product, browser });
    console.log("passed");
  } catch (error) {
    console.error(error.stack || error.message);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (served) served.child.kill("SIGTERM");
    if (product) product.server.close();
    if (sample) sample.remove();
  }
}
