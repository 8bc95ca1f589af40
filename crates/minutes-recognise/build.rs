//! Compiles the built-in phrasebook: `src/phrases.toml` is parsed here, at build time, and
//! written as JSON to `$OUT_DIR/phrases.json`, which the recogniser reads with serde_json.
//! A build without the `user-phrases` feature (the browser page) then carries no TOML
//! parser. The conversion is generic (a TOML table to the same JSON value): the
//! `Phrasebook` struct's serde derive alone decides what the file may hold.

use std::{env, error::Error, fs, path::PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=src/phrases.toml");
    let source = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("src/phrases.toml");
    let text = fs::read_to_string(&source)?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let at = e.span().map_or(0, |span| span.start).min(text.len());
        let before = text.get(..at).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        format!("src/phrases.toml:{line}: {}", e.message().trim())
    })?;
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    fs::write(out.join("phrases.json"), serde_json::to_string(&table)?)?;
    Ok(())
}
