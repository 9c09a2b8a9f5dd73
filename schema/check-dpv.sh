#!/usr/bin/env bash
# Checks `ropa export --format dpv` with a JSON-LD processor that is not ours: every bundled
# example register, exported, must expand with pyld (offline: the @context is inline, and any
# attempt to load a remote document fails the check) to absolute IRIs only, and convert to
# N-Quads. The terms themselves are checked against DPV's lists by the crate's tests.
#
# Run before releasing, not in CI: it installs PyLD (pinned) from PyPI into
# target/codegen-tools/dpv. Needs python3 and cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

PYLD=2.0.4

tools=$PWD/target/codegen-tools/dpv
out=$PWD/target/dpv-check
rm -rf "$out"
mkdir -p "$tools" "$out"
[ -x "$tools/venv/bin/python" ] || python3 -m venv "$tools/venv"
"$tools/venv/bin/pip" install --quiet --disable-pip-version-check "PyLD==$PYLD"

cargo build --quiet --features cli --bin ropa
for file in examples/data/*.json; do
  target/debug/ropa export --format dpv --out "$out/$(basename "$file" .json).jsonld" "$file"
done

"$tools/venv/bin/python" - "$out"/*.jsonld <<'PY'
import json
import sys
from pyld import jsonld

def no_remote(url, options=None):
    raise RuntimeError(f"tried to load {url}: the context must be inline")

jsonld.set_document_loader(no_remote)
wrong, quads = 0, 0
for path in sys.argv[1:]:
    doc = json.load(open(path))
    expanded = jsonld.expand(doc)
    def walk(node):
        global wrong
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, dict):
            for key, value in node.items():
                if not key.startswith("@") and not key.startswith(("http://", "https://")):
                    print(f"  {path}: property {key} did not expand to an IRI")
                    wrong += 1
                if key == "@type":
                    for t in value if isinstance(value, list) else [value]:
                        if not t.startswith(("http://", "https://")):
                            print(f"  {path}: type {t} did not expand to an IRI")
                            wrong += 1
                walk(value)
    walk(expanded)
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    quads += len(nquads.splitlines())
print(f"  {len(sys.argv) - 1} graphs expanded by pyld, {quads} quads, {wrong} problems")
sys.exit(1 if wrong else 0)
PY
