// Points 9 and 10: a hostile register runs no script and breaks no layout; the page works by
// keyboard, at 390 px, and axe-core finds no violation in it.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, assert, isolated, load, openPage } from "./harness.mjs";

const PAYLOAD =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">"\'><svg onload="window.__pwned=1">' +
  "\u202Egnp.exe\u2066\u200F" +
  "W".repeat(10000);

/** The register with the payload in every name, description and title it holds. */
function hostile(value) {
  if (Array.isArray(value)) return value.map(hostile);
  if (value && typeof value === "object") {
    const out = {};
    for (const [key, field] of Object.entries(value)) {
      out[key] = ["name", "description", "title", "reason"].includes(key) && typeof field === "string" ? `${field} ${PAYLOAD}` : hostile(field);
    }
    return out;
  }
  return value;
}

/** What `probe` gives in a frame once the frame has finished loading its latest document. */
async function settled(frame, probe) {
  for (let attempt = 0; ; attempt++) {
    try {
      await frame.waitForLoadState();
      return await frame.evaluate(probe);
    } catch (error) {
      if (attempt === 4 || !/context was destroyed/.test(error.message)) throw error;
    }
  }
}

async function noHorizontalScroll(page, what) {
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 || e.scrollWidth > e.clientWidth + 1).slice(0, 3).map((e) => `${e.tagName}#${e.id}.${e.className}`));
  assert(width[0] <= width[1], `${what}: the page is ${width[0]} px wide in a ${width[1]} px window (${wide.join(", ")})`);
}

export async function hostileRegisterRunsNoScript(browser, origin) {
  const source = join(ROOT, "examples", "data", "kent-parent-carer-panel.json");
  const copy = isolated(source, "hostile.json");
  writeFileSync(copy.path, JSON.stringify(hostile(JSON.parse(readFileSync(source, "utf8"))), null, 2));
  const { page, context } = await openPage(browser, origin, { viewport: { width: 390, height: 844 } });
  page.on("dialog", () => assert(false, "a dialog opened"));
  assert((await load(page, copy.path)) === "done", "the hostile register was not read");
  await page.click("#findings [data-rule] button");
  await page.waitForSelector("#item:not([hidden])");
  for (const kind of ["register", "notice", "findings"]) {
    await page.selectOption("#kind", kind);
    await page.click("#show-report");
    await page.waitForFunction(() => document.getElementById("report").srcdoc.includes("WWWW"));
  }
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => window.__pwned);
  assert(ran === undefined, "a script from the register ran in the page");
  for (const frame of page.frames()) {
    assert((await settled(frame, () => window.__pwned)) === undefined, "a script from the register ran in a report");
  }
  const injected = await page.evaluate(() => [document.scripts.length, document.images.length, document.querySelectorAll("svg").length]);
  assert(injected.join() === "1,0,0", `elements from the register's text in the page: ${injected}`);
  const shown = await page.textContent("#facts");
  assert(shown.includes("<script>window.__pwned=1</script>"), "the register's text is not shown as text");
  await noHorizontalScroll(page, "hostile register at 390 px");
  await context.close();
}

export async function pageIsUsable(browser, origin) {
  const copy = isolated(join(ROOT, "examples", "data", "kent-parent-carer-panel.json"));
  const { page, context } = await openPage(browser, origin, { viewport: { width: 390, height: 844 } });
  await load(page, copy.path);
  await noHorizontalScroll(page, "example register at 390 px");
  // Keyboard only: Tab reaches a finding, Enter shows its item and moves the focus there.
  await page.focus("#register");
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement.closest("#findings [data-rule]") !== null);
  }
  assert(reached, "Tab never reaches a finding");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement.id === "item");
  const item = await page.textContent("#item-json");
  assert(item.length > 0, "the item the finding concerns is not shown");
  await page.click("#show-report");
  await page.waitForSelector("#report:not([hidden])");
  const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axe);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target}`));
  assert(violations.length === 0, `axe-core: ${violations.join("; ")}`);
  await context.close();
}
