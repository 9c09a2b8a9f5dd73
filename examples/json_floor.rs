//! The floor for `validate`: reads a file and parses it into an untyped `serde_json::Value`,
//! nothing more. `cargo run --release --example json_floor -- FILE`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: cargo run --release --example json_floor -- FILE")?;
    let bytes = std::fs::read(&path)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)?;
    println!(
        "{} top-level keys",
        value.as_object().map_or(0, |o| o.len())
    );
    Ok(())
}
