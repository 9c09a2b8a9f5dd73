// The page against the native command line on the same machine, on synthetic registers of about
// 1 MB and 50 MB: `node web/tests/bench.mjs` after `bash web/build.sh` and
// `cargo build --release --features cli --example synth --features synth`. Each figure is the
// median of RUNS (default 3) wall-clock runs.
//
// native: `target/release/ropa validate --format json --as-of DATE FILE`, whole process.
// page:   from the file's arrival in #register (its change event) to #status "done", every finding listed: the file
//         read, the register parsed and validated in the worker, the findings listed in the page.
//         The page is loaded and its module compiled before the clock starts; that start is
//         measured on its own, last.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AS_OF, ROOT, launch, load, openPage, serve } from "./harness.mjs";

const RUNS = Number(process.env.RUNS || 3);
const release = join(process.env.CARGO_TARGET_DIR || join(ROOT, "target"), "release");
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function synthetic(activities, folder) {
  const path = join(folder, `synth-${activities}.json`);
  writeFileSync(path, execFileSync(join(release, "examples", "synth"), ["--activities", String(activities)], { maxBuffer: 1 << 30 }));
  return path;
}

function native(path) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(join(release, "ropa"), ["validate", "--format", "json", "--as-of", AS_OF, path], { maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0 && result.status !== 1) throw new Error(`ropa: ${result.stderr}`);
  }
  return median(times);
}

async function page(browser, origin, path) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, context } = await openPage(browser, origin);
    // The module is compiled once, when the page loads (see `startup`); the register's time
    // starts with the page ready.
    await page.waitForFunction(() => document.getElementById("version").textContent.length > 0);
    // Timed in the page, from the file input's change event to "done": the time the browser takes
    // to hand a file to its input (Playwright's, for a 50 MB file, some seconds) is not the page's.
    await page.evaluate(() => {
      const status = document.getElementById("status");
      document.getElementById("register").addEventListener("change", () => (window.__t0 = performance.now()), true);
      new MutationObserver(() => {
        if (status.dataset.state === "done" && window.__t0 && !window.__t1) window.__t1 = performance.now();
      }).observe(status, { attributes: true });
    });
    const state = await load(page, path);
    times.push((await page.evaluate(() => window.__t1 - window.__t0)) / 1000);
    if (state !== "done") throw new Error(`the page: ${await page.textContent("#error")}`);
    await context.close();
  }
  return median(times);
}

/** From opening the page's address to its worker answering: the module decoded and compiled. */
async function startup(browser, origin) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = process.hrtime.bigint();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.getElementById("version").textContent.length > 0);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    await context.close();
  }
  return median(times);
}

const folder = mkdtempSync(join(tmpdir(), "ropa-bench-"));
const { server, origin } = await serve();
const browser = await launch();
console.log("| register | size | native | page | page / native |");
console.log("|---|---|---|---|---|");
for (const activities of (process.env.ACTIVITIES || "355,17700").split(",").map(Number)) {
  const path = synthetic(activities, folder);
  const megabytes = statSync(path).size / 1e6;
  const [nativeSeconds, pageSeconds] = [native(path), await page(browser, origin, path)];
  console.log(`| synthetic, ${activities} activities | ${megabytes.toFixed(1)} MB | ${nativeSeconds.toFixed(2)} s | ${pageSeconds.toFixed(2)} s | ${(pageSeconds / nativeSeconds).toFixed(2)}x |`);
}
console.log(`\nThe page's start (its module decoded and compiled, once per visit): ${(await startup(browser, origin)).toFixed(2)} s`);
await browser.close();
server.close();
