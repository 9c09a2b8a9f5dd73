// What the browser tests share: a static server for web/dist on 127.0.0.1, Chromium, the `ropa`
// binary, and the page's contract (#register, #as-of, #status, #error, #findings).
import { createServer } from "node:http";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const WEB = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = resolve(WEB, "..");
export const DIST = join(WEB, "dist");
export const AS_OF = "2026-12-06";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Serves web/dist on 127.0.0.1 at a free port; resolves to the server and its origin. */
export function serve() {
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://127.0.0.1").pathname;
    const file = join(DIST, path === "/" ? "index.html" : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
}

/** The `ropa` binary `cargo test` builds, or the one ROPA_BIN names. */
export const ROPA = process.env.ROPA_BIN || join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "debug", "ropa");

/** Runs `ropa ARGS` in `cwd`: stdout as bytes, stderr as text, and the exit status. */
export function ropa(args, cwd) {
  const run = spawnSync(ROPA, args, { cwd, maxBuffer: 1 << 30 });
  return { stdout: run.stdout, stderr: run.stderr.toString(), status: run.status };
}

/** A copy of the file in a folder of its own, so that the command line names it by its name
 * alone (as the page does) and reads no policy file beside it. */
export function isolated(path, name = basename(path)) {
  const folder = mkdtempSync(join(tmpdir(), "ropa-web-"));
  copyFileSync(path, join(folder, name));
  return { folder, name, path: join(folder, name) };
}

/** A new page at the origin, its date set; every request it or its worker makes is recorded. */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => requests.push(`pageerror: ${error.message}`));
  await page.goto(`${origin}/${options.query || ""}`);
  await page.fill("#as-of", AS_OF);
  return { context, page, requests };
}

/** Opens a file through #register and waits for #status to say done or error. */
export async function load(page, path) {
  await page.setInputFiles("#register", path);
  await page.waitForFunction(() => ["done", "error"].includes(document.getElementById("status").dataset.state) && document.getElementById("status").dataset.state !== "loading", null, { timeout: 120000 });
  return page.$eval("#status", (s) => s.dataset.state);
}

/** The findings the page lists: rule, severity, path and cell of each, in page order. */
export function shownFindings(page) {
  return page.$$eval("#findings [data-rule]", (items) => items.map((i) => ({ rule: i.dataset.rule, severity: i.dataset.severity, path: i.dataset.path, cell: i.dataset.cell || null })));
}

/** The bytes of the download a button starts. */
export async function downloadOf(page, selector) {
  const failed = page
    .waitForFunction(() => document.getElementById("status").dataset.state === "error", null, { timeout: 120000 })
    .then(async () => { throw new Error(`${selector}: ${await page.textContent("#error")}`); }, () => {});
  // Scrolled first: Playwright's own scroll before a click sometimes lands beside the button.
  await page.locator(selector).scrollIntoViewIfNeeded();
  const [download] = await Promise.all([Promise.race([page.waitForEvent("download", { timeout: 120000 }), failed]), page.click(selector)]);
  // The status says "Saved" after the download starts; the next click waits for it, since the
  // page's layout may move when the status's text changes.
  await page.waitForFunction(() => document.getElementById("status").dataset.state !== "loading");
  const saved = join(mkdtempSync(join(tmpdir(), "ropa-download-")), download.suggestedFilename());
  await download.saveAs(saved);
  return { bytes: readFileSync(saved), name: download.suggestedFilename() };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function sameBytes(actual, expected, what) {
  if (Buffer.compare(Buffer.from(actual), Buffer.from(expected)) !== 0) {
    throw new Error(`${what}: the page's ${actual.length} bytes differ from the command line's ${expected.length}`);
  }
}

export { execFileSync };
