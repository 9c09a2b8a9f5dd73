// The page's tests in real Chromium: `node web/tests/run.mjs` after `bash web/build.sh` and
// `cargo test` (which builds the `ropa` binary they compare with). .ci/run runs them.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AS_OF, ROOT, assert, isolated, launch, load, openPage, ropa, serve, shownFindings } from "./harness.mjs";
import { downloadsAreTheCommandLines, diffIsTheCommandLines } from "./downloads.mjs";
import { hostileRegisterRunsNoScript, pageIsUsable } from "./hostile.mjs";
import { dropDateRegimeAndCounts, largeRegisterInTheWorker } from "./open.mjs";

const examples = () => {
  const data = join(ROOT, "examples", "data");
  const json = readdirSync(data).filter((f) => f.endsWith(".json")).map((f) => join(data, f));
  const sheets = readdirSync(join(data, "sheets")).filter((f) => /\.(xlsx|ods|csv)$/.test(f)).map((f) => join(data, "sheets", f));
  const fixtures = ["ico-controller.ods", "ico-controller.xlsx", "ico-processor.xlsx", "formula.xlsx", "reworded.xlsx"];
  return [...json.sort(), ...sheets.sort(), ...fixtures.map((f) => join(ROOT, "tests", "fixtures", "sheets", f)), teamCsv()];
};

/** A register kept as CSV in the ICO template's headings, as a team exports it. */
function teamCsv() {
  const folder = isolated(join(ROOT, "Cargo.toml")).folder;
  const path = join(folder, "team-register.csv");
  writeFileSync(
    path,
    "Business function,Purpose of processing,Categories of individuals,Categories of personal data," +
      "Article 6 lawful basis for processing personal data,Retention schedule (if possible),Categories of recipients,Owner\n" +
      'HR,Payroll,Staff,"Name; Bank details; Health records",Contract,6 years after leaving,HMRC; Payroll bureau,HR manager\n' +
      "Services,Care assessments,Residents,Name; Address,Public task - Care Act 2014,,Care providers,Head of care\n",
  );
  return path;
}

/** Point 8: for every example register and workbook, the page's findings are the command line's. */
async function sameFindingsAsTheCommandLine(browser, origin) {
  const { page, context } = await openPage(browser, origin);
  let total = 0;
  for (const path of examples()) {
    const copy = isolated(path);
    assert((await load(page, copy.path)) === "done", `${copy.name}: the page did not finish`);
    const shown = await shownFindings(page);
    const cli = JSON.parse(ropa(["validate", "--format", "json", "--as-of", AS_OF, copy.name], copy.folder).stdout.toString());
    const expected = cli.map((row) => ({ rule: row.rule, severity: row.severity, path: row.path, cell: row.cell || null }));
    // The page groups by severity, errors first; within a severity, the command line's order.
    const order = { error: 0, warning: 1, info: 2 };
    const grouped = expected.map((f, i) => [f, i]).sort((a, b) => order[a[0].severity] - order[b[0].severity] || a[1] - b[1]).map(([f]) => f);
    assert(JSON.stringify(shown) === JSON.stringify(grouped), `${copy.name}: the page shows ${shown.length} findings, the command line ${expected.length}: ${JSON.stringify(shown.slice(0, 3))} vs ${JSON.stringify(grouped.slice(0, 3))}`);
    total += shown.length;
  }
  assert(total > 50, `only ${total} findings over every example: the comparison proves little`);
  await context.close();
}

/** Point 2: nothing leaves the machine; the page's policy refuses a request even to its origin. */
async function nothingLeavesThePage(browser, origin) {
  const { page, context, requests } = await openPage(browser, origin);
  const copy = isolated(join(ROOT, "examples", "data", "northfield-research-processor.json"));
  await load(page, copy.path);
  await page.click("#show-report");
  await page.waitForSelector("#report:not([hidden])");
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`));
  assert(outside.length === 0, `requests outside the page's origin: ${outside.join(", ")}`);
  const expected = ["/", "/style.css", "/app.js", "/worker.js", "/ropa_web.js", "/ropa_web_module.js"].map((p) => `${origin}${p}`);
  const unexpected = requests.filter((url) => !expected.includes(url) && !url.startsWith("blob:"));
  assert(unexpected.length === 0, `requests beyond the page's own files: ${unexpected.join(", ")}`);
  const wasm = requests.filter((url) => url.endsWith(".wasm"));
  assert(wasm.length === 0, `the module was fetched: ${wasm}`);
  const refused = await page.evaluate(async () => {
    try {
      await fetch("/index.html");
      return false;
    } catch {
      return true;
    }
  });
  assert(refused, "fetch was allowed: the Content-Security-Policy does not forbid connections");
  const said = await page.textContent("#private");
  assert(/uploads nothing/.test(said), "the page does not say that nothing is uploaded");
  await context.close();
}

/** Point 9: a malformed file, a file that is not a workbook, a file over the read limit: the
 * command line's message. */
async function badInputGetsTheCommandLinesError(browser, origin) {
  const cases = [
    ["broken.json", '{"schema_version": "1.0",\n  "organisation": "org",\n  "parties": [ {"id": 7} ]\n}\n', ""],
    ["truncated.json", '{"schema_version": "1.0", "organisation": ', ""],
    ["fake.xlsx", "this is not a workbook\n", ""],
    ["northfield.json", readFileSync(join(ROOT, "examples", "data", "northfield-research-processor.json"), "utf8"), "100"],
    ...["far-cells.xlsx", "no-headings.xlsx", "declared-bomb.xlsx"].map((name) => [name, readFileSync(join(ROOT, "tests", "fixtures", "sheets", name)), ""]),
  ];
  for (const [name, text, limit] of cases) {
    const query = limit ? `?max-input-bytes=${limit}` : "";
    const { page, context } = await openPage(browser, origin, { query });
    const folder = isolated(join(ROOT, "Cargo.toml")).folder;
    writeFileSync(join(folder, name), text);
    assert((await load(page, join(folder, name))) === "error", `${name}: the page did not report an error`);
    const shown = (await page.textContent("#error")).trim();
    const args = ["report", "--format", "html", ...(limit ? ["--max-input-bytes", limit] : []), name];
    const cli = ropa(args, folder);
    assert(cli.status === 2, `${name}: the command line read it`);
    assert(shown === cli.stderr.trim(), `${name}: the page says\n  ${shown}\nthe command line\n  ${cli.stderr.trim()}`);
    assert(!(await page.isVisible("#findings-section")), `${name}: findings shown for an unreadable file`);
    await context.close();
  }
}

/** Point 2: the page's scripts never write HTML; register text reaches the page as text only. */
async function scriptsWriteNoHtml() {
  for (const file of ["app.js", "worker.js"]) {
    const source = readFileSync(join(ROOT, "web", "static", file), "utf8");
    const writes = source.match(/innerHTML|outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/g);
    assert(!writes, `${file} writes HTML: ${writes}`);
  }
  const page = readFileSync(join(ROOT, "web", "static", "index.html"), "utf8");
  for (const needed of ["connect-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", 'sandbox=""']) {
    assert(page.includes(needed), `index.html lacks ${needed}`);
  }
}

/** Opened from a file rather than a server, the page says how to serve it; served, it starts. */
async function fromAFileThePageSaysToServeIt(browser, origin) {
  const page = await browser.newPage();
  await page.goto(`file://${join(ROOT, "web", "dist", "index.html")}`);
  await page.waitForTimeout(500);
  assert(/from a server/.test(await page.textContent("#status")), "opened from a file, the page does not say to serve it");
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.getElementById("status").textContent === "No register open.");
  await page.close();
}

const tests = [
  ["from a file, the page says to serve it", fromAFileThePageSaysToServeIt],
  ["the page's scripts write no HTML; its policy forbids connections", scriptsWriteNoHtml],
  ["every example: the command line's findings", sameFindingsAsTheCommandLine],
  ["open by dropping; today's date; the regime; counts per severity", dropDateRegimeAndCounts],
  ["a large register: worked on in the worker, progress shown", largeRegisterInTheWorker],
  ["downloads are byte for byte the command line's", downloadsAreTheCommandLines],
  ["diff: the command line's report of two versions", diffIsTheCommandLines],
  ["no request leaves the page", nothingLeavesThePage],
  ["bad input: the command line's error", badInputGetsTheCommandLinesError],
  ["a hostile register runs no script and breaks no layout", hostileRegisterRunsNoScript],
  ["keyboard, 390 px, axe-core", pageIsUsable],
];

const only = process.argv[2];
const { server, origin } = await serve();
const browser = await launch();
let failed = 0;
for (const [name, test] of tests) {
  if (only && !name.includes(only)) continue;
  const started = Date.now();
  try {
    await test(browser, origin);
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(error.stack || error).split("\n").join("\n     ")}`);
  }
}
await browser.close();
server.close();
console.log(failed ? `${failed} browser test(s) failed` : "all browser tests passed");
process.exit(failed ? 1 : 0);
