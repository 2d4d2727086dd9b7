// Browser tests' driver: Debian's chromium through Debian's chromedriver (package chromium-driver,
// always the browser's own version), spoken to over W3C WebDriver with the fetch built into Node
// 18. No npm package: nothing to install, nothing that needs a newer Node than Debian 12 ships.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMEDRIVER = "/usr/bin/chromedriver";

/// What is missing to run a browser test ("" when nothing is).
export function missingBrowser() {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  if (!existsSync(CHROMEDRIVER)) return `${CHROMEDRIVER} is not installed (apt-get install chromium-driver)`;
  return "";
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf"; // the W3C key of an element reference
export const KEYS = { ESCAPE: "\uE00C" };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// Polls `probe` until it returns something truthy; fails with `what` after `timeout` ms.
export async function waitFor(what, probe, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/// Starts chromedriver on a free loopback port and resolves with its base URL.
function startDriver() {
  const child = spawn(CHROMEDRIVER, ["--port=0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`chromedriver did not start:\n${output}`)), 20000);
    const read = (chunk) => {
      output += chunk;
      const started = /started successfully on port (\d+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${started[1]}` });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`chromedriver exited with ${code}:\n${output}`)));
  });
}

export class Element {
  constructor(browser, id) {
    this.browser = browser;
    this.id = id;
  }
  click() { return this.browser.command("POST", `/element/${this.id}/click`, {}); }
  /// Types `text` one key press at a time, `delay` ms apart, as a person types.
  async type(text, delay = 30) {
    for (const key of text) {
      await this.browser.command("POST", `/element/${this.id}/value`, { text: key });
      await sleep(delay);
    }
  }
  press(key) { return this.browser.command("POST", `/element/${this.id}/value`, { text: key }); }
  attribute(name) { return this.browser.command("GET", `/element/${this.id}/attribute/${name}`); }
  property(name) { return this.browser.command("GET", `/element/${this.id}/property/${name}`); }
  text() { return this.browser.command("GET", `/element/${this.id}/text`); }
  displayed() { return this.browser.command("GET", `/element/${this.id}/displayed`); }
}

/// One headless Chromium session. Network requests and console messages are read from the
/// driver's performance and browser logs (chromedriver's goog:loggingPrefs).
export class Browser {
  static async launch() {
    const driver = await startDriver();
    const browser = new Browser(driver);
    try {
      const created = await browser.request("POST", "/session", {
        capabilities: {
          alwaysMatch: {
            browserName: "chrome",
            "goog:chromeOptions": {
              binary: CHROMIUM,
              // DevTools over a pipe rather than a port: in a minimal chroot (no /etc/hosts) the
              // driver's WebSocket to the port failed ("unable to connect to renderer").
              args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--remote-debugging-pipe", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"],
            },
            "goog:loggingPrefs": { performance: "ALL", browser: "ALL" },
          },
        },
      });
      browser.session = created.sessionId;
    } catch (error) {
      driver.child.kill();
      throw error;
    }
    return browser;
  }

  constructor(driver) {
    this.driver = driver;
    this.session = "";
  }

  async request(method, path, body) {
    const response = await fetch(this.driver.url + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) {
      const error = answer.value || {};
      throw new Error(`WebDriver ${method} ${path}: ${error.error}: ${error.message}`);
    }
    return answer.value;
  }
  command(method, path, body) { return this.request(method, `/session/${this.session}${path}`, body); }

  goto(url) { return this.command("POST", "/url", { url }); }
  url() { return this.command("GET", "/url"); }
  source() { return this.command("GET", "/source"); }
  execute(script, args = []) { return this.command("POST", "/execute/sync", { script, args }); }

  async all(css) {
    const found = await this.command("POST", "/elements", { using: "css selector", value: css });
    return found.map((reference) => new Element(this, reference[ELEMENT]));
  }
  /// The first element matching `css`, waiting up to `timeout` ms for it to appear.
  first(css, timeout = 10000) {
    return waitFor(`an element ${css}`, async () => (await this.all(css))[0], timeout);
  }

  async windows() { return this.command("GET", "/window/handles"); }
  async window() { return this.command("GET", "/window"); }
  switchTo(handle) { return this.command("POST", "/window", { handle }); }
  async newWindow() {
    const { handle } = await this.command("POST", "/window/new", { type: "tab" });
    await this.switchTo(handle);
    return handle;
  }

  /// The requests the browser sent since the last call: {url, method, postData}.
  async requests() {
    const entries = await this.command("POST", "/se/log", { type: "performance" });
    const sent = [];
    for (const entry of entries) {
      const { method, params } = JSON.parse(entry.message).message;
      if (method === "Network.requestWillBeSent") sent.push(params.request);
    }
    return sent;
  }
  /// Console errors and uncaught exceptions since the last call.
  async errors() {
    const entries = await this.command("POST", "/se/log", { type: "browser" });
    return entries.filter((entry) => entry.level === "SEVERE").map((entry) => entry.message);
  }

  async close() {
    try {
      if (this.session) await this.request("DELETE", `/session/${this.session}`);
    } finally {
      this.driver.child.kill("SIGTERM");
    }
  }
}
