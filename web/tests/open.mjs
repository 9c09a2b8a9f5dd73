// Points 3, 4 and 7: a register opened by dropping it, the date and regime shown, counts per
// severity; a large register worked on in the worker with its progress shown.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { AS_OF, ROOT, assert, isolated, launch, openPage, ropa } from "./harness.mjs";

const waitDone = (page) =>
  page.waitForFunction(() => ["done", "error"].includes(document.getElementById("status").dataset.state), null, { timeout: 120000 });

export async function dropDateRegimeAndCounts(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  });
  assert((await page.inputValue("#as-of")) === today, "the date is not today's until set");
  await page.fill("#as-of", AS_OF);
  const copy = isolated(join(ROOT, "examples", "data", "mennecy-mentions-legales.json"));
  const text = readFileSync(copy.path, "utf8");
  const dataTransfer = await page.evaluateHandle(([name, body]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], name, { type: "application/json" }));
    return transfer;
  }, [copy.name, text]);
  await page.dispatchEvent("#drop", "drop", { dataTransfer });
  await waitDone(page);
  const facts = await page.textContent("#facts");
  assert(/EU GDPR \(Regulation \(EU\) 2016\/679\) \(as the register states\)/.test(facts), `the regime is not shown as the register states it: ${facts}`);
  const rows = JSON.parse(ropa(["validate", "--format", "json", "--as-of", AS_OF, copy.name], copy.folder).stdout);
  const count = (severity) => rows.filter((r) => r.severity === severity).length;
  const counts = await page.textContent("#counts");
  const expected = `${count("error")} error${count("error") === 1 ? "" : "s"}, ${count("warning")} warning${count("warning") === 1 ? "" : "s"}, ${count("info")} info.`;
  assert(counts === expected, `counts '${counts}', the command line's '${expected}'`);
  const headings = await page.$$eval("#findings h3", (hs) => hs.map((h) => h.textContent));
  assert(headings.join("|") === `Errors (${count("error")})|Warnings (${count("warning")})|Information (${count("info")})`, `groups: ${headings}`);
  await context.close();
}

/** A register of some seconds' work: the page keeps answering (the work is in the worker), says
 * what it is doing with the seconds spent, and lists every finding. */
export async function largeRegisterInTheWorker(browser, origin) {
  const synth = join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "debug", "examples", "synth");
  const copy = isolated(join(ROOT, "Cargo.toml"));
  const path = join(copy.folder, "large.json");
  execFileSync("sh", ["-c", `"${synth}" --activities 20000 > "${path}"`]);
  const { page, context } = await openPage(browser, origin);
  // The longest the page's main thread went without running a timer, from the moment the page
  // has the file (choosing it is the browser's work, not the page's) to "done".
  await page.evaluate(() => {
    window.__seen = [];
    window.__gap = 0;
    let last = null;
    setInterval(() => {
      const now = performance.now();
      const state = document.getElementById("status").dataset.state;
      if (last !== null && state === "loading") window.__gap = Math.max(window.__gap, now - last);
      if (last !== null || window.__seen.length > 0) last = now;
    }, 20);
    new MutationObserver(() => window.__seen.push(document.getElementById("status").textContent)).observe(document.getElementById("status"), { childList: true, characterData: true, subtree: true });
  });
  const started = Date.now();
  await page.setInputFiles("#register", path);
  await waitDone(page);
  const seconds = (Date.now() - started) / 1000;
  const [seen, gap] = await page.evaluate(() => [window.__seen, window.__gap]);
  assert(seconds > 1.5, `the large register took ${seconds} s, too little to show progress`);
  assert(seen.some((text) => /\(\d+ s\)$/.test(text)), `no progress shown in ${seconds} s: ${seen.slice(0, 5)}`);
  assert(gap < 1000, `the page froze for ${Math.round(gap)} ms: ${seen.join(" | ")}`);
  console.log(`     longest pause of the page while it worked: ${Math.round(gap)} ms`);
  const listed = await page.$$eval("#findings [data-rule]", (items) => items.length);
  // The counts at the top, summed: every finding of the register is listed.
  const expected = (await page.textContent("#counts")).match(/\d+/g).map(Number).reduce((a, b) => a + b, 0);
  assert(listed === expected && listed > 1000, `${listed} findings listed, the counts say ${expected}`);
  await context.close();
}
