// Point 5 and 6: every download, and the diff, byte for byte what the command line writes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AS_OF, ROOT, assert, downloadOf, isolated, load, openPage, ropa, sameBytes } from "./harness.mjs";

const DATA = join(ROOT, "examples", "data");

/** The command line's output: its stdout, or the file it wrote to `out` in `folder`. */
function cli(args, folder, out) {
  const run = ropa(args, folder);
  assert(run.status === 0 || run.status === 1, `ropa ${args.join(" ")}: exit ${run.status}: ${run.stderr}`);
  return out ? readFileSync(join(folder, out)) : run.stdout;
}

/** The command line's files for a register named `name` in `folder`, by download button. */
function expectedFiles(folder, name, workbook) {
  // A workbook is imported first, as the command line's export and fmt read JSON.
  const json = workbook ? "imported.json" : name;
  if (workbook) cli(["import", "--out", json, name], folder, json);
  const canonical = workbook ? "imported.json" : "canonical.json";
  if (!workbook) {
    writeFileSync(join(folder, canonical), readFileSync(join(folder, name)));
    cli(["fmt", canonical], folder);
  }
  return {
    "report-html": cli(["report", "--kind", "register", "--format", "html", "--as-of", AS_OF, name], folder),
    "report-md": cli(["report", "--kind", "register", "--format", "markdown", "--as-of", AS_OF, name], folder),
    "register-csv": cli(["report", "--kind", "register", "--format", "csv", "--as-of", AS_OF, name], folder),
    findings: cli(["validate", "--format", "json", "--as-of", AS_OF, name], folder),
    sarif: cli(["validate", "--format", "sarif", "--as-of", AS_OF, name], folder),
    canonical: readFileSync(join(folder, canonical)),
    workbook: cli(["export", "--as-of", AS_OF, "--out", "exported.xlsx", json], folder, "exported.xlsx"),
    pack: cli(["pack", "--zip", "--as-of", AS_OF, "--out", "pack.zip", name], folder, "pack.zip"),
  };
}

export async function downloadsAreTheCommandLines(browser, origin) {
  const registers = [
    [join(DATA, "northfield-research-processor.json"), false],
    [join(DATA, "sheets", "bathnes-information-requests.xlsx"), true],
  ];
  for (const [path, workbook] of registers) {
    const copy = isolated(path);
    const expected = expectedFiles(copy.folder, copy.name, workbook);
    const { page, context } = await openPage(browser, origin);
    assert((await load(page, copy.path)) === "done", `${copy.name}: not opened`);
    for (const [key, bytes] of Object.entries(expected)) {
      const got = await downloadOf(page, `[data-download="${key}"]`);
      sameBytes(got.bytes, bytes, `${copy.name}: ${key} (${got.name})`);
    }
    await reportKindsAreShown(page, copy, context);
    await context.close();
  }
}

/** Every report kind shows in the sandboxed frame as the command line renders it, and opens in
 * a tab of its own for printing. */
async function reportKindsAreShown(page, copy, context) {
  const kinds = ["register", "retention", "transfers", "special-category", "findings", "notice"];
  for (const kind of kinds) {
    await page.selectOption("#kind", kind);
    await page.click("#show-report");
    await page.waitForFunction((k) => document.getElementById("report").title.length > 8 && document.getElementById("kind").value === k, kind);
    const expected = ropa(["report", "--kind", kind, "--format", "html", "--as-of", AS_OF, copy.name], copy.folder).stdout.toString();
    await page.waitForFunction((text) => document.getElementById("report").srcdoc === text, expected, { timeout: 30000 });
    const sandbox = await page.getAttribute("#report", "sandbox");
    assert(sandbox === "", `the report frame's sandbox is '${sandbox}', not the strictest`);
  }
  const [tab] = await Promise.all([context.waitForEvent("page"), page.click("#print-report")]);
  await tab.waitForLoadState();
  const heading = await tab.textContent("h1");
  assert(heading && heading.length > 0, "the report opened for printing has no title");
  const pdf = await tab.pdf({ format: "A4" });
  assert(pdf.subarray(0, 5).toString() === "%PDF-" && pdf.length > 10000, "the report does not print");
  await tab.close();
}

export async function diffIsTheCommandLines(browser, origin) {
  const copy = isolated(join(DATA, "northfield-research-processor.json"));
  const register = JSON.parse(readFileSync(copy.path, "utf8"));
  // The earlier version: one activity fewer, so the diff has an addition and findings move.
  register.activities = register.activities.slice(1);
  writeFileSync(join(copy.folder, "earlier.json"), JSON.stringify(register, null, 2));
  const { page, context } = await openPage(browser, origin);
  await load(page, copy.path);
  assert(!(await page.isVisible('[data-download="diff-html"]')), "the diff's downloads are offered before an earlier version is open");
  await page.setInputFiles("#previous", join(copy.folder, "earlier.json"));
  await page.waitForSelector("#diff:not([hidden])");
  const expected = ropa(["diff", "--format", "html", "--as-of", AS_OF, "earlier.json", copy.name], copy.folder);
  assert(expected.status === 1, "the command line found the versions the same");
  const shown = await page.getAttribute("#diff", "srcdoc");
  assert(shown === expected.stdout.toString(), "the diff shown is not the command line's");
  const html = await downloadOf(page, '[data-download="diff-html"]');
  sameBytes(html.bytes, expected.stdout, "diff HTML");
  const json = await downloadOf(page, '[data-download="diff-json"]');
  sameBytes(json.bytes, ropa(["diff", "--format", "json", "--as-of", AS_OF, "earlier.json", copy.name], copy.folder).stdout, "diff JSON");
  assert(/findings/i.test(shown), "the diff does not list the findings gained and lost");
  const pack = await downloadOf(page, '[data-download="pack"]');
  ropa(["pack", "--zip", "--as-of", AS_OF, "--previous", "earlier.json", "--out", "pack.zip", copy.name], copy.folder);
  sameBytes(pack.bytes, readFileSync(join(copy.folder, "pack.zip")), "evidence pack with the diff");
  await context.close();
}
