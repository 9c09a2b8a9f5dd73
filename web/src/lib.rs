//! `ropa` in a web page: the library compiled to WebAssembly, called from the page's worker
//! (`web/static/worker.js`). A register is opened from a file's bytes and never leaves the
//! machine; each output is the command line's, byte for byte (see [`desk`]).
//!
//! Built by `bash web/build.sh` into `web/dist/`.

use wasm_bindgen::prelude::*;

pub mod desk;

use desk::Desk;

/// A register opened in the page (JavaScript's `Opened`).
#[wasm_bindgen]
pub struct Opened(Desk);

/// A failure as a JavaScript `Error` whose message is the command line's.
fn js(message: String) -> JsError {
    JsError::new(&message)
}

#[wasm_bindgen]
impl Opened {
    /// Opens a file's bytes, named `name` (the extension decides JSON or spreadsheet), reading
    /// JSON within `max_input_bytes`.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, bytes: Vec<u8>, max_input_bytes: f64) -> Result<Opened, JsError> {
        Desk::open(name, bytes, max_input_bytes as u64)
            .map(Opened)
            .map_err(js)
    }

    /// What the page shows on the date: regime, counts and every finding, as JSON.
    pub fn summary(&self, as_of: &str) -> Result<String, JsError> {
        Ok(self.0.summary(desk::date(as_of).map_err(js)?))
    }

    /// The item a JSON Pointer names, as pretty JSON.
    pub fn item(&self, pointer: &str) -> String {
        self.0.item(pointer)
    }

    /// `ropa validate --format json`.
    #[wasm_bindgen(js_name = findingsJson)]
    pub fn findings_json(&self, as_of: &str) -> Result<Vec<u8>, JsError> {
        Ok(self.0.findings_json(desk::date(as_of).map_err(js)?))
    }

    /// `ropa validate --format sarif`.
    pub fn sarif(&self, as_of: &str) -> Result<Vec<u8>, JsError> {
        Ok(self.0.sarif(desk::date(as_of).map_err(js)?))
    }

    /// `ropa report --kind KIND --format FORMAT`.
    pub fn report(&self, kind: &str, format: &str, as_of: &str) -> Result<Vec<u8>, JsError> {
        let as_of = desk::date(as_of).map_err(js)?;
        self.0.report(kind, format, as_of).map_err(js)
    }

    /// The canonical JSON (`ropa fmt`, `ropa import`).
    pub fn canonical(&self) -> Result<Vec<u8>, JsError> {
        self.0.canonical().map_err(js)
    }

    /// The ICO workbook (`ropa export`).
    pub fn workbook(&self, as_of: &str) -> Result<Vec<u8>, JsError> {
        self.0.workbook(desk::date(as_of).map_err(js)?).map_err(js)
    }

    /// The evidence pack as a zip (`ropa pack --zip`), with the diff from `previous` if given.
    pub fn pack(&self, as_of: &str, previous: Option<Opened>) -> Result<Vec<u8>, JsError> {
        let as_of = desk::date(as_of).map_err(js)?;
        self.0
            .pack(as_of, previous.as_ref().map(|p| &p.0))
            .map_err(js)
    }

    /// `ropa diff --format FORMAT --as-of DATE OLD NEW`, this register the new one.
    #[wasm_bindgen(js_name = diffFrom)]
    pub fn diff_from(&self, old: &Opened, format: &str, as_of: &str) -> Result<Vec<u8>, JsError> {
        let as_of = desk::date(as_of).map_err(js)?;
        self.0.diff_from(&old.0, format, as_of).map_err(js)
    }
}

/// The register the page warms up on: a bundled example with findings of several kinds.
const WARM_UP: &str = include_str!("../../examples/data/kent-parent-carer-panel.json");

/// Runs a bundled example register through the page's first steps (open, check, place), so that
/// the engine's first run of that code (its compiling again of what runs hot, the law's tables
/// built on first use) happens when the page starts, not when the user's file arrives.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    if let Ok(desk) = Desk::open("warm-up.json", WARM_UP.as_bytes().to_vec(), 1 << 20) {
        let as_of = desk::date("2026-12-06").unwrap_or_default();
        for _ in 0..3 {
            let _ = desk.summary(as_of);
        }
    }
}

/// The command line's read limit for one register, in bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> f64 {
    ropa::DEFAULT_MAX_INPUT_BYTES as f64
}

/// The version of the crate the page was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_warm_up_register_opens_and_has_findings_to_place() {
        let desk = super::Desk::open("warm-up.json", super::WARM_UP.as_bytes().to_vec(), 1 << 20);
        let summary = desk
            .unwrap()
            .summary(super::desk::date("2026-12-06").unwrap());
        assert!(summary.contains("\"rule\""));
        super::warm_up();
    }
}
