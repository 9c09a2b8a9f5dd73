// The page: opens a register, shows its findings and reports, and offers the command line's
// files for download. Every value from a register reaches the page as text (textContent), and
// reports only inside a sandboxed iframe with no script. The work runs in worker.js.
const $ = (id) => document.getElementById(id);
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let nextId = 1;
let current = null; // { name, stem }
let previous = null;
let started = 0;
let stage = "";
let ticker = 0;

worker.onmessage = (event) => {
  const message = event.data;
  if (message.progress) {
    stage = message.progress;
    showProgress();
    return;
  }
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  if (message.ok) waiting.resolve(message.value);
  else waiting.reject(new Error(message.error));
};
worker.onerror = (event) => fail("The page could not start its worker", event.message || "unknown error");

function call(op, args = {}, transfer = []) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, ...args }, transfer);
  });
}

function setStatus(state, text) {
  const status = $("status");
  // The clock runs from the first stage of the work to its end, over every stage between.
  if (state === "loading" && status.dataset.state !== "loading") started = performance.now();
  status.dataset.state = state;
  status.textContent = text;
  clearInterval(ticker);
  if (state === "loading") {
    stage = text;
    ticker = setInterval(showProgress, 500);
    showProgress();
  }
}

// Work over a second shows what it is doing and for how long.
function showProgress() {
  const status = $("status");
  if (status.dataset.state !== "loading") return;
  const seconds = Math.floor((performance.now() - started) / 1000);
  status.textContent = seconds >= 1 ? `${stage}… (${seconds} s)` : `${stage}…`;
}

function fail(what, message) {
  setStatus("error", what);
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function asOf() {
  return $("as-of").value;
}

function stem(name) {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

// The read limit: the command line's, or the page address's ?max-input-bytes=N (as the command
// line's --max-input-bytes).
async function inputLimit() {
  const named = new URLSearchParams(location.search).get("max-input-bytes");
  return named && /^[0-9]+$/.test(named) ? Number(named) : call("limit");
}

async function readBounded(file) {
  const limit = await inputLimit();
  // One byte over the limit, so that the library gives the command line's "more than" message.
  return { limit, bytes: await file.slice(0, Math.min(file.size, limit + 1)).arrayBuffer() };
}

async function openRegister(file) {
  $("error").hidden = true;
  setStatus("loading", `Reading ${file.name}`);
  for (const id of ["summary", "findings-section", "reports", "diff-section"]) $(id).hidden = true;
  try {
    const { limit, bytes } = await readBounded(file);
    await call("open", { slot: "current", name: file.name, bytes, limit }, [bytes]);
    current = { name: file.name, stem: stem(file.name) };
    await refresh();
  } catch (error) {
    current = null;
    fail(`Could not open ${file.name}`, error.message);
  }
}

async function refresh() {
  if (!current) return;
  setStatus("loading", "Checking the register against the law");
  const summary = await call("summary", { asOf: asOf() });
  showSummary(summary);
  stage = `Listing ${summary.findings.length} findings`;
  await showFindings(summary.findings);
  for (const id of ["summary", "findings-section", "reports", "diff-section"]) $(id).hidden = false;
  $("report").hidden = true;
  const total = summary.findings.length;
  setStatus("done", `${current.name}: ${total} finding${total === 1 ? "" : "s"} on ${asOf()}.`);
  if (previous) await showDiff();
}

function fact(list, term, value) {
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value;
  list.append(dt, dd);
}

function showSummary(summary) {
  const facts = $("facts");
  facts.replaceChildren();
  fact(facts, "File", summary.file);
  fact(facts, "Read as", summary.layout === "json" ? "JSON" : `spreadsheet (${summary.layout} layout)`);
  fact(facts, "Organisation", summary.organisation);
  const regime = summary.regime_stated ? "as the register states" : "the register states none; assumed, as the command line assumes it";
  fact(facts, "Regime", `${summary.regime} (${regime})`);
  fact(facts, "Processing activities", String(summary.activities));
  const [info, warnings, errors] = summary.counts;
  $("counts").textContent = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${info} info.`;
}

const GROUPS = [
  ["error", "Errors"],
  ["warning", "Warnings"],
  ["info", "Information"],
];

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function findingItem(finding) {
  const item = document.createElement("li");
  item.className = "finding";
  item.dataset.rule = finding.rule;
  item.dataset.severity = finding.severity;
  item.dataset.path = finding.path;
  if (finding.cell) item.dataset.cell = finding.cell;
  const button = document.createElement("button");
  button.type = "button";
  button.setAttribute("aria-pressed", "false");
  const where = [finding.place, finding.path || "(register)"];
  if (finding.cell) where.push(`cell ${finding.cell}`);
  button.append(
    span("rule", `${finding.severity}: ${finding.rule}`),
    span("message", finding.message),
    span("where", `Where: ${where.join(" · ")}`),
    span("citation", `Law: ${finding.citation}`),
  );
  button.addEventListener("click", () => showItem(finding, button));
  item.append(button);
  return item;
}

// Findings go into the page a slice at a time, so that tens of thousands never freeze it.
const SLICE = 400;
const nextFrame = () => new Promise((ok) => setTimeout(ok, 0));

async function showFindings(findings) {
  const container = $("findings");
  // The item panel may sit inside a finding's entry; it is kept, not cleared with the list.
  $("findings-section").append($("item"));
  $("item").hidden = true;
  container.replaceChildren();
  for (const [severity, title] of GROUPS) {
    const group = findings.filter((f) => f.severity === severity);
    const heading = document.createElement("h3");
    heading.textContent = `${title} (${group.length})`;
    const list = document.createElement("ul");
    list.className = "finding-group";
    list.setAttribute("aria-label", title);
    container.append(heading, list);
    for (let start = 0; start < group.length; start += SLICE) {
      const fragment = document.createDocumentFragment();
      for (const finding of group.slice(start, start + SLICE)) fragment.append(findingItem(finding));
      list.append(fragment);
      if (start + SLICE < group.length) await nextFrame();
    }
  }
}

async function showItem(finding, button) {
  for (const pressed of document.querySelectorAll('.finding button[aria-pressed="true"]')) {
    pressed.setAttribute("aria-pressed", "false");
  }
  button.setAttribute("aria-pressed", "true");
  const json = await call("item", { pointer: finding.path });
  const cell = finding.cell ? ` (cell ${finding.cell})` : "";
  $("item-place").textContent = `${finding.place}${cell}: ${finding.path || "the register as a whole"}`;
  $("item-json").textContent = json || "(nothing is recorded there: the finding is about what is missing)";
  // Shown under the finding selected, so that the two are read together.
  const item = $("item");
  button.closest("li").append(item);
  item.hidden = false;
  item.focus();
}

async function showReport() {
  const bytes = await call("download", { what: "report", kind: $("kind").value, format: "html", asOf: asOf() });
  const frame = $("report");
  frame.srcdoc = new TextDecoder().decode(bytes);
  frame.title = `Report: ${$("kind").selectedOptions[0].textContent}`;
  frame.hidden = false;
}

async function printReport() {
  const bytes = await call("download", { what: "report", kind: $("kind").value, format: "html", asOf: asOf() });
  const url = URL.createObjectURL(new Blob([bytes], { type: "text/html" }));
  window.open(url, "_blank", "noopener");
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// What each download button asks of the worker, and the file name it saves under.
const DOWNLOADS = {
  "report-html": () => [{ what: "report", kind: $("kind").value, format: "html" }, `${current.stem}-${$("kind").value}.html`],
  "report-md": () => [{ what: "report", kind: $("kind").value, format: "markdown" }, `${current.stem}-${$("kind").value}.md`],
  "register-csv": () => [{ what: "report", kind: "register", format: "csv" }, `${current.stem}-register.csv`],
  findings: () => [{ what: "findings" }, `${current.stem}-findings.json`],
  sarif: () => [{ what: "sarif" }, `${current.stem}.sarif`],
  canonical: () => [{ what: "canonical" }, `${current.stem}-canonical.json`],
  workbook: () => [{ what: "workbook" }, `${current.stem}-ico-template.xlsx`],
  pack: () => [{ what: "pack" }, `${current.stem}-pack.zip`],
  "diff-html": () => [{ what: "diff", format: "html" }, `${previous.stem}-to-${current.stem}.html`],
  "diff-json": () => [{ what: "diff", format: "json" }, `${previous.stem}-to-${current.stem}.json`],
};

function save(bytes, name) {
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function download(key) {
  const [request, name] = DOWNLOADS[key]();
  setStatus("loading", `Writing ${name}`);
  try {
    save(await call("download", { ...request, asOf: asOf() }), name);
    setStatus("done", `Saved ${name}.`);
  } catch (error) {
    fail(`Could not write ${name}`, error.message);
  }
}

async function openPrevious(file) {
  $("diff-status").textContent = `Reading ${file.name}…`;
  try {
    const { limit, bytes } = await readBounded(file);
    await call("open", { slot: "previous", name: file.name, bytes, limit }, [bytes]);
    previous = { name: file.name, stem: stem(file.name) };
    await showDiff();
  } catch (error) {
    previous = null;
    $("diff").hidden = true;
    $("diff-downloads").hidden = true;
    $("diff-status").textContent = `Could not open ${file.name}: ${error.message}`;
  }
}

async function showDiff() {
  const bytes = await call("download", { what: "diff", format: "html", asOf: asOf() });
  const frame = $("diff");
  frame.srcdoc = new TextDecoder().decode(bytes);
  frame.hidden = false;
  $("diff-downloads").hidden = false;
  $("diff-status").textContent = `From ${previous.name} to ${current.name}, with the findings gained and lost on ${asOf()}.`;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function wire() {
  $("status").textContent = "No register open.";
  $("as-of").value = today();
  $("register").addEventListener("change", (e) => e.target.files[0] && openRegister(e.target.files[0]));
  $("previous").addEventListener("change", (e) => e.target.files[0] && openPrevious(e.target.files[0]));
  $("as-of").addEventListener("change", () => asOf() && refresh().catch((e) => fail("Could not check the register", e.message)));
  $("show-report").addEventListener("click", () => showReport().catch((e) => fail("Could not show the report", e.message)));
  $("print-report").addEventListener("click", () => printReport().catch((e) => fail("Could not open the report", e.message)));
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download));
  }
  const drop = $("drop");
  // A file dropped anywhere else would make the browser navigate to it.
  for (const type of ["dragover", "drop"]) document.addEventListener(type, (e) => e.preventDefault());
  drop.addEventListener("dragover", () => drop.classList.add("over"));
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    drop.classList.remove("over");
    if (e.dataTransfer.files[0]) openRegister(e.dataTransfer.files[0]);
  });
  call("version").then((v) => ($("version").textContent = v));
}

wire();
