// Runs axe-core (WCAG 2 A/AA and best practices) on HTML reports in headless Chromium and
// prints every violation; exits 1 when there is one. Outside `cargo test` on purpose: it needs
// Node and a browser.
//
//   npm install axe-core puppeteer-core          (in a scratch directory, or with --prefix)
//   NODE_PATH=/that/dir/node_modules node tools/axe.mjs report.html [more.html ...]
//
// CHROMIUM names the browser binary (default /usr/bin/chromium).
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(path.join(process.env.NODE_PATH ?? process.cwd(), "x.js"));
const puppeteer = require("puppeteer-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tools/axe.mjs FILE.html...");
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
let violations = 0;
for (const file of files) {
  for (const width of [1280, 390]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(pathToFileURL(path.resolve(file)).href);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      await axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      }),
    );
    for (const v of result.violations) {
      violations += 1;
      console.log(`${file} @${width}px: ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(" ")}`);
    }
    // Nothing may stick out of the page sideways: wide tables scroll in their wrapper.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      violations += 1;
      console.log(`${file} @${width}px: the page is ${overflow}px wider than the screen`);
    }
    await page.close();
  }
}
await browser.close();
console.log(`${files.length} files, ${violations} violations`);
process.exit(violations ? 1 : 0);
