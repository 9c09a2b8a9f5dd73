// The README's screenshot of the page: `node web/tests/screenshot.mjs web/screenshot.png` after
// `bash web/build.sh`. An example register open, a finding selected.
import { join } from "node:path";
import { ROOT, isolated, launch, load, openPage, serve } from "./harness.mjs";

const out = process.argv[2] || "screenshot.png";
const { server, origin } = await serve();
const browser = await launch();
const { page } = await openPage(browser, origin, { viewport: { width: 1100, height: 1400 } });
await load(page, isolated(join(ROOT, "examples", "data", "kent-parent-carer-panel.json")).path);
await page.click("#findings [data-severity='error'] button");
await page.waitForSelector("#item:not([hidden])");
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1100, height: 1400 } });
await browser.close();
server.close();
