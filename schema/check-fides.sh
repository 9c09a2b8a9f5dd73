#!/usr/bin/env bash
# Checks `ropa export --format fides` against fideslang itself, as `fides evaluate` reads a
# manifest: every bundled example register and the fides import fixtures, exported, must load into
# fideslang's `Taxonomy` model, and every data use, data category and data subject key it uses must
# be one of fideslang's default taxonomy or be declared by the manifest (with a parent that exists).
# The import fixtures are also exported after import (fides -> ropa -> fides).
#
# Run before releasing, not in CI: it installs fideslang (pinned) from PyPI into
# target/codegen-tools/fides. Needs python3 and cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

FIDESLANG=3.1.4

tools=$PWD/target/codegen-tools/fides
out=$PWD/target/fides-check
rm -rf "$out"
mkdir -p "$tools" "$out"
[ -x "$tools/venv/bin/python" ] || python3 -m venv "$tools/venv"
"$tools/venv/bin/pip" install --quiet --disable-pip-version-check "fideslang==$FIDESLANG"
echo "fideslang $("$tools/venv/bin/python" -c 'import fideslang; print(fideslang.__version__)')"

cargo build --quiet --features cli --bin ropa
ropa=target/debug/ropa
for file in examples/data/*.json; do
  "$ropa" export --format fides --out "$out/$(basename "$file" .json).yml" "$file"
done
for file in tests/fixtures/fides/*.yml; do
  name=$(basename "$file" .yml)
  "$ropa" import --out "$out/imported-$name.json" "$file" 2>/dev/null
  "$ropa" export --format fides --out "$out/roundtrip-$name.yml" "$out/imported-$name.json"
done

"$tools/venv/bin/python" - "$out"/*.yml <<'PY'
import sys
import yaml
from fideslang.default_taxonomy import DEFAULT_TAXONOMY
from fideslang.models import Taxonomy

defaults = {
    "data_use": {u.fides_key for u in DEFAULT_TAXONOMY.data_use},
    "data_category": {c.fides_key for c in DEFAULT_TAXONOMY.data_category},
    "data_subject": {s.fides_key for s in DEFAULT_TAXONOMY.data_subject},
}
wrong = 0
for path in sys.argv[1:]:
    manifest = yaml.safe_load(open(path))
    try:
        taxonomy = Taxonomy.model_validate(manifest)
    except Exception as error:  # fideslang's own verdict, whatever its kind
        print(f"  {path}: fideslang rejects it: {error}")
        wrong += 1
        continue
    declared = {kind: {r.fides_key for r in getattr(taxonomy, kind)} for kind in defaults}
    known = {kind: defaults[kind] | declared[kind] for kind in defaults}
    for kind in defaults:
        for resource in getattr(taxonomy, kind):
            parent = getattr(resource, "parent_key", None)
            if parent and parent not in known[kind]:
                print(f"  {path}: {kind} {resource.fides_key} has an unknown parent {parent}")
                wrong += 1
    for system in taxonomy.system:
        for d in system.privacy_declarations:
            uses = [("data_use", d.data_use)]
            uses += [("data_category", c) for c in d.data_categories]
            uses += [("data_subject", s) for s in d.data_subjects]
            for kind, key in uses:
                if key not in known[kind]:
                    print(f"  {path}: {system.fides_key}: {kind} {key} is neither fides's nor declared")
                    wrong += 1
print(f"  {len(sys.argv) - 1} manifests loaded by fideslang, {wrong} problems")
sys.exit(1 if wrong else 0)
PY
