#!/usr/bin/env bash
# Generates types from schema/ropa.schema.json with four code generators that are not ours and
# checks that each reads the registers the crate reads:
#
#   datamodel-code-generator (pydantic v2)  every example and valid fixture loaded into the models,
#                                            dumped as pydantic dumps (null for what is unset),
#                                            read back by the crate: the same register;
#   json-schema-to-typescript               every example type-checked by tsc --strict as a
#                                            `Register` literal (excess properties are errors);
#   quicktype (TypeScript)                  every example loaded with quicktype's checking
#                                            converter and written back: the same register;
#   cargo-typify                            the generated Rust compiles, and every example is
#                                            deserialized into it and written back: the same register.
#
# Run before releasing, not in CI: it installs pinned versions from PyPI, npm and crates.io into
# target/codegen-tools (reused by later runs; the first takes several minutes, cargo-typify's
# build most of it) and writes the generated types to target/codegen for reading. Needs python3,
# node with npm, and cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

DATAMODEL_CODE_GENERATOR=0.89.0
PYDANTIC=2.14.4
JSON_SCHEMA_TO_TYPESCRIPT=16.0.0
QUICKTYPE=26.0.0
TYPESCRIPT=7.0.2
TYPES_NODE=26.6.6
AJV=8.20.0
AJV_FORMATS=3.0.1
CARGO_TYPIFY=0.8.0

root=$PWD
tools=$root/target/codegen-tools
out=$root/target/codegen
rm -rf "$out"
mkdir -p "$tools" "$out"/{python,typescript,quicktype,typify/src,roundtrip,readme}
files=(examples/data/*.json tests/fixtures/valid/*.json)

echo "== installing the generators into $tools"
[ -x "$tools/venv/bin/python" ] || python3 -m venv "$tools/venv"
"$tools/venv/bin/pip" install --quiet --disable-pip-version-check \
  "datamodel-code-generator==$DATAMODEL_CODE_GENERATOR" "pydantic==$PYDANTIC"
[ -f "$tools/npm/package.json" ] || (mkdir -p "$tools/npm" && cd "$tools/npm" && npm init -y >/dev/null)
npm install --prefix "$tools/npm" --silent --no-audit --no-fund \
  "json-schema-to-typescript@$JSON_SCHEMA_TO_TYPESCRIPT" "quicktype@$QUICKTYPE" \
  "typescript@$TYPESCRIPT" "@types/node@$TYPES_NODE" "ajv@$AJV" "ajv-formats@$AJV_FORMATS" >/dev/null
typify=("$tools/cargo/bin/cargo-typify" typify)
if ! "${typify[@]}" --version 2>/dev/null | grep -q "$CARGO_TYPIFY"; then
  cargo install --quiet --locked --root "$tools/cargo" cargo-typify --version "$CARGO_TYPIFY"
fi
bin=$tools/npm/node_modules/.bin
echo "datamodel-code-generator $("$tools/venv/bin/datamodel-codegen" --version), json-schema-to-typescript" \
  "$JSON_SCHEMA_TO_TYPESCRIPT, $("$bin/quicktype" --version | head -1), $("${typify[@]}" --version)," \
  "$("$bin/tsc" --version)"

# The crate's canonical form of a register, to compare what a round trip gives back.
cargo build --quiet --example format
canonical() { cp "$1" "$2" && target/debug/examples/format "$2"; }
# Checks that each round-tripped file is, to the crate, the register it came from.
same_registers() {
  local dir=$1 wrong=0 checked=0 file name
  for file in "${files[@]}"; do
    name=$(basename "$file")
    [ -f "$dir/$name" ] || continue
    checked=$((checked + 1))
    canonical "$file" "$out/roundtrip/original-$name"
    if ! canonical "$dir/$name" "$out/roundtrip/back-$name" 2>"$out/roundtrip/error"; then
      echo "  $file: the crate rejects what came back: $(cat "$out/roundtrip/error")"; wrong=$((wrong + 1))
    elif ! cmp -s "$out/roundtrip/original-$name" "$out/roundtrip/back-$name"; then
      echo "  $file: a different register came back"; wrong=$((wrong + 1))
      diff "$out/roundtrip/original-$name" "$out/roundtrip/back-$name" | head -10
    fi
  done
  echo "  $checked registers read back by the crate, $wrong of them not the register they came from"
  return "$wrong"
}
# The names of the types a generator declared, matched by the regular expression's last group.
type_names() { sed -nE "s/$1/\\2/p" "$2" | sort | tr '\n' ' ' | fold -s -w 96 | sed '2,$s/^/    /'; echo; }

status=0
echo
echo "== datamodel-code-generator (pydantic v2)"
"$tools/venv/bin/datamodel-codegen" --input schema/ropa.schema.json --input-file-type jsonschema \
  --output-model-type pydantic_v2.BaseModel --formatters builtin --disable-timestamp \
  --output "$out/python/ropa_model.py"
echo "  $(grep -c '^class ' "$out/python/ropa_model.py") classes: $(type_names '^(class) ([A-Za-z0-9_]+).*' "$out/python/ropa_model.py")"
mkdir -p "$out/python/back"
"$tools/venv/bin/python" - "$out/python" "${files[@]}" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from ropa_model import Register
for name in sys.argv[2:]:
    register = Register.model_validate_json(Path(name).read_bytes())
    # As pydantic writes by default: unset optional values and lists as null.
    Path(sys.argv[1], "back", Path(name).name).write_text(register.model_dump_json(by_alias=True, indent=2))
PY
nulls=$(cat "$out"/python/back/*.json | grep -c ': null' || true)
echo "  loaded and dumped ${#files[@]} registers (the dumps hold $nulls nulls)"
same_registers "$out/python/back" || status=1

echo
echo "== json-schema-to-typescript"
"$bin/json2ts" --input schema/ropa.schema.json --output "$out/typescript/ropa.ts"
echo "  $(grep -Ec '^export (interface|type) ' "$out/typescript/ropa.ts") types: $(type_names '^export (interface|type) ([A-Za-z0-9_]+).*' "$out/typescript/ropa.ts")"
{
  echo 'import type { Register } from "./ropa.js";'
  i=0
  for file in "${files[@]}"; do
    echo "// $file"
    echo "export const register$i: Register = $(cat "$file");"
    i=$((i + 1))
  done
} > "$out/typescript/examples.ts"
if (cd "$out/typescript" && "$bin/tsc" --strict --noEmit --target es2022 --module nodenext \
  --moduleResolution nodenext ropa.ts examples.ts); then
  echo "  ${#files[@]} registers type-check as Register"
else
  echo "  tsc rejects the examples"; status=1
fi

echo
echo "== quicktype (TypeScript)"
# --no-date-times keeps a date the string it is: without it quicktype makes it a JavaScript Date
# and writes it back as a date-time (2024-04-17T00:00:00.000Z), which neither the crate nor the
# schema accepts as a date.
"$bin/quicktype" --src-lang schema --lang ts --top-level Register --no-date-times \
  --out "$out/quicktype/ropa.ts" schema/ropa.schema.json
echo "  $(grep -Ec '^export (interface|type) ' "$out/quicktype/ropa.ts") types: $(type_names '^export (interface|type) ([A-Za-z0-9_]+).*' "$out/quicktype/ropa.ts")"
cat > "$out/quicktype/roundtrip.ts" <<'TS'
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { Convert } from "./ropa.js";
const [dir, ...files] = process.argv.slice(2);
for (const file of files) {
  // toRegister checks every value against the types and throws on a mismatch.
  const register = Convert.toRegister(readFileSync(file, "utf8"));
  writeFileSync(`${dir}/${basename(file)}`, Convert.registerToJson(register));
}
TS
mkdir -p "$out/quicktype/back"
(cd "$out/quicktype" && echo '{"type": "module"}' > package.json && "$bin/tsc" --strict \
  --target es2022 --module nodenext --moduleResolution nodenext --types node \
  --typeRoots "$tools/npm/node_modules/@types" ropa.ts roundtrip.ts)
node "$out/quicktype/roundtrip.js" "$out/quicktype/back" "${files[@]}"
echo "  loaded and written back ${#files[@]} registers"
same_registers "$out/quicktype/back" || status=1

echo
echo "== cargo-typify"
"${typify[@]}" schema/ropa.schema.json --output "$out/typify/src/ropa.rs"
echo "  $(grep -Ec '^pub (struct|enum) ' "$out/typify/src/ropa.rs") types: $(type_names '^pub (struct|enum) ([A-Za-z0-9_]+).*' "$out/typify/src/ropa.rs")"
cat > "$out/typify/Cargo.toml" <<'TOML'
[package]
name = "ropa-typify-check"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
chrono = { version = "0.4", default-features = false, features = ["std", "serde"] }
regress = "0.10"
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[workspace]
TOML
cat > "$out/typify/src/main.rs" <<'RS'
#![allow(warnings, clippy::all)]
mod ropa;
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap();
    for file in args {
        let text = std::fs::read_to_string(&file).unwrap();
        match serde_json::from_str::<ropa::Register>(&text) {
            Ok(register) => {
                let name = std::path::Path::new(&file).file_name().unwrap();
                let json = serde_json::to_string_pretty(&register).unwrap();
                std::fs::write(std::path::Path::new(&dir).join(name), json).unwrap();
            }
            Err(error) => println!("{file}: {error}"),
        }
    }
}
RS
mkdir -p "$out/typify/back"
if cargo build --quiet --manifest-path "$out/typify/Cargo.toml" --target-dir "$tools/typify-target"; then
  echo "  the generated Rust compiles"
  "$tools/typify-target/debug/ropa-typify-check" "$out/typify/back" "${files[@]}" > "$out/typify/rejected"
  # serde reads an integer field strictly: `11.0` is an integer to JSON Schema and to the crate,
  # not to the generated u8. The fixture holds it on purpose; any other rejection is a failure.
  expected='^tests/fixtures/valid/nulls-and-whole-floats.json: invalid type: floating point `11.0`, expected u8'
  grep "$expected" "$out/typify/rejected" | sed 's/^/  rejected, as expected (a whole float as an integer): /'
  if grep -v "$expected" "$out/typify/rejected" | sed 's/^/  rejected: /' | grep .; then status=1; fi
  same_registers "$out/typify/back" || status=1
else
  echo "  the generated Rust does not compile"; status=1
fi

echo
echo "== the README's TypeScript (ajv $AJV), compiled as an ES module and run"
awk '/^```typescript$/ {on = 1; next} /^```$/ {on = 0} on' README.md > "$out/readme/check.ts"
echo '{"type": "module"}' > "$out/readme/package.json"
ln -sfn "$tools/npm/node_modules" "$out/readme/node_modules"
if (cd "$out/readme" && "$bin/tsc" --strict --target es2022 --module nodenext \
  --moduleResolution nodenext --types node check.ts) && node "$out/readme/check.js" > "$out/readme/output" \
  && [ ! -s "$out/readme/output" ]; then
  echo "  it compiles, and accepts kent-parent-carer-panel.json"
else
  echo "  it fails: $(cat "$out/readme/output" 2>/dev/null)"; status=1
fi

echo
if [ "$status" = 0 ]; then echo "check-codegen: all four generators read every register"; else echo "check-codegen: FAILED"; fi
exit "$status"
