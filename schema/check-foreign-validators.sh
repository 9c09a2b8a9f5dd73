#!/usr/bin/env bash
# Feeds every example and fixture to two validators that are not ours, Python's jsonschema and
# ajv (strict mode, with ajv-formats), against both schemas, and prints each verdict:
# - the structural schema must accept every valid register and reject every file in
#   tests/fixtures/invalid;
# - the strict schema must reject a register exactly when the crate's validation reports one of
#   the rules it enforces as an error (asked of `cargo run --example validate -- --format json`),
#   and reject every invalid file.
# Needs python3 with `pip install jsonschema`, node with npm (the pinned ajv is installed into a
# temporary folder) and cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
AJV=8.20.0
AJV_FORMATS=3.0.1
files=(examples/data/*.json tests/fixtures/valid/*.json tests/fixtures/invalid/*.json)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The crate's findings, from which the strict schema's expected verdicts follow. Exit status 1
# (error findings) and 2 (the invalid fixtures cannot be parsed) are expected here.
cargo run --quiet --example validate -- --format json "${files[@]}" > "$work/findings.json" 2>/dev/null || true

echo "== Python jsonschema (Draft 2020-12, format checker on)"
python3 - "$work/findings.json" "${files[@]}" <<'PY'
import json, sys
from jsonschema import Draft202012Validator
findings = json.load(open(sys.argv[1]))
wrong = 0
for name in ("schema/ropa.schema.json", "schema/ropa.strict.schema.json"):
    schema = json.load(open(name))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    rules = {part["description"][len("Rule "):-1] for part in schema.get("allOf", [])}
    print("--", name)
    for path in sys.argv[2:]:
        errors = list(validator.iter_errors(json.load(open(path))))
        ok = not errors
        expected = "/invalid/" not in path and not any(
            f["file"] == path and f["severity"] == "error" and f["rule"] in rules for f in findings)
        wrong += ok != expected
        print("valid  " if ok else "invalid", path, "" if ok else "/" + "/".join(map(str, errors[0].absolute_path)),
              "" if ok == expected else "UNEXPECTED")
print(f"{wrong} unexpected verdicts")
sys.exit(1 if wrong else 0)
PY

echo "== ajv $AJV (strict mode, ajv-formats $AJV_FORMATS)"
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "ajv@$AJV" "ajv-formats@$AJV_FORMATS" >/dev/null)
cat > "$work/check.mjs" <<'JS'
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
const [findingsFile, ...files] = process.argv.slice(2);
const findings = JSON.parse(readFileSync(findingsFile, "utf8"));
let wrong = 0;
for (const schemaFile of ["schema/ropa.schema.json", "schema/ropa.strict.schema.json"]) {
  const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
  const rules = new Set((schema.allOf ?? []).map((part) => part.description.slice("Rule ".length, -1)));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  console.log("--", schemaFile);
  for (const file of files) {
    const ok = validate(JSON.parse(readFileSync(file, "utf8")));
    const expected = !file.includes("/invalid/") &&
      !findings.some((f) => f.file === file && f.severity === "error" && rules.has(f.rule));
    if (ok !== expected) wrong++;
    console.log(ok ? "valid  " : "invalid", file, ok ? "" : validate.errors[0].instancePath,
      ok === expected ? "" : "UNEXPECTED");
  }
}
console.log(`${wrong} unexpected verdicts`);
process.exit(wrong ? 1 : 0);
JS
NODE_PATH="$work/node_modules" node "$work/check.mjs" "$work/findings.json" "${files[@]}"
