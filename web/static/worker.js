// The page's worker: holds the registers opened and runs the library (WebAssembly) on them, so
// that the page never freezes. Messages: {id, op, ...} in; {id, ok, value | error} out, and
// {progress} while an operation runs. Nothing here touches the network.
import { initSync, Opened, maxInputBytes, version, warmUp } from "./ropa_web.js";
import { moduleBase64 } from "./ropa_web_module.js";

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

initSync({ module: decodeBase64(moduleBase64) });
// Before any message is answered: the first register the user opens is then checked at the
// module's full speed (see warm_up in web/src/lib.rs).
warmUp();

// The registers opened: "current" and "previous" (the older version, for the diff).
const opened = { current: null, previous: null };

function progress(text) {
  postMessage({ progress: text });
}

function need(slot) {
  const register = opened[slot];
  if (!register) throw new Error("no register is open");
  return register;
}

const downloads = {
  report: (r, m) => r.report(m.kind, m.format, m.asOf),
  findings: (r, m) => r.findingsJson(m.asOf),
  sarif: (r, m) => r.sarif(m.asOf),
  canonical: (r) => r.canonical(),
  workbook: (r, m) => r.workbook(m.asOf),
  pack: (r, m) => {
    // The pack takes the older version by value; it is opened again from its bytes.
    const previous = opened.previous ? new Opened(opened.previousName, opened.previousBytes, opened.previousLimit) : undefined;
    return r.pack(m.asOf, previous);
  },
  diff: (r, m) => r.diffFrom(need("previous"), m.format, m.asOf),
};

const operations = {
  limit: () => maxInputBytes(),
  version: () => version(),
  open(m) {
    progress(`Reading ${m.name}`);
    const register = new Opened(m.name, new Uint8Array(m.bytes), m.limit ?? maxInputBytes());
    if (opened[m.slot]) opened[m.slot].free();
    opened[m.slot] = register;
    if (m.slot === "previous") {
      opened.previousName = m.name;
      opened.previousBytes = new Uint8Array(m.bytes);
      opened.previousLimit = m.limit ?? maxInputBytes();
    }
    return true;
  },
  close(m) {
    if (opened[m.slot]) opened[m.slot].free();
    opened[m.slot] = null;
    return true;
  },
  summary(m) {
    progress("Checking the register against the law");
    return JSON.parse(need("current").summary(m.asOf));
  },
  item: (m) => need("current").item(m.pointer),
  download(m) {
    progress(`Writing the ${m.what}`);
    return downloads[m.what](need("current"), m);
  },
};

onmessage = (event) => {
  const message = event.data;
  try {
    const value = operations[message.op](message);
    postMessage({ id: message.id, ok: true, value });
  } catch (error) {
    postMessage({ id: message.id, ok: false, error: String(error && error.message ? error.message : error) });
  }
};
postMessage({ ready: true });
