//! Reviewing a register like code: what changed between two versions ([`diff`]) and findings in
//! the SARIF format that code-review tools read ([`sarif`]). Both are public modules of the crate,
//! `ropa::diff` and `ropa::sarif`.

pub mod diff;
pub mod pack;
pub mod sarif;
pub(crate) mod sarif_suppression;
pub(crate) mod sarif_text;
