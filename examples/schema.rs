//! Prints the register's JSON Schema.
//!
//! `cargo run --example schema > schema/ropa.schema.json`
//! `cargo run --example schema -- --strict > schema/ropa.strict.schema.json`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let strict = std::env::args().skip(1).any(|a| a == "--strict");
    let schema = if strict {
        ropa::strict_schema()
    } else {
        ropa::schema()
    };
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(())
}
