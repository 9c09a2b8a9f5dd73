#!/usr/bin/env bash
# Feeds every example and fixture to two validators that are not ours, Python's jsonschema and
# ajv (strict mode, with ajv-formats), and prints each verdict: valid registers must be accepted
# and every file in tests/fixtures/invalid rejected. Needs python3 with `pip install jsonschema`,
# and node with npm (ajv is installed into a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
files=(examples/data/*.json tests/fixtures/valid/*.json tests/fixtures/invalid/*.json)

echo "== Python jsonschema (Draft 2020-12, format checker on)"
python3 - "${files[@]}" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
for name in ("schema/ropa.schema.json", "schema/ropa.strict.schema.json"):
    Draft202012Validator.check_schema(json.load(open(name)))
validator = Draft202012Validator(json.load(open("schema/ropa.schema.json")), format_checker=Draft202012Validator.FORMAT_CHECKER)
wrong = 0
for path in sys.argv[1:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    ok = not errors
    wrong += ok == ("/invalid/" in path)
    print("valid  " if ok else "invalid", path, "" if ok else "/" + "/".join(map(str, errors[0].absolute_path)))
print(f"{wrong} unexpected verdicts")
sys.exit(1 if wrong else 0)
PY

echo "== ajv 8 (strict mode, ajv-formats)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent ajv ajv-formats >/dev/null)
cat > "$work/check.mjs" <<'JS'
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
let wrong = 0;
for (const schemaFile of ["schema/ropa.schema.json", "schema/ropa.strict.schema.json"]) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
  if (schemaFile.includes("strict")) continue; // compiled in strict mode: that is the check
  for (const file of process.argv.slice(2)) {
    const ok = validate(JSON.parse(readFileSync(file, "utf8")));
    if (ok === file.includes("/invalid/")) wrong++;
    console.log(ok ? "valid  " : "invalid", file, ok ? "" : validate.errors[0].instancePath);
  }
}
console.log(`${wrong} unexpected verdicts`);
process.exit(wrong ? 1 : 0);
JS
NODE_PATH="$work/node_modules" node "$work/check.mjs" "${files[@]}"
