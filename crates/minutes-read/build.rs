//! Generates the tables of the single-byte code pages the readers meet (Windows-874,
//! Windows-1250 to 1258, Mac Roman) from encoding_rs into `$OUT_DIR/code_pages.rs`: the
//! character of each byte from 0x80 up, as encoding_rs decodes it. At run time the readers
//! look bytes up in these tables instead of going through encoding_rs's decoder, which
//! carries every encoding's tables (about 150 kB of a WebAssembly build); the East Asian
//! ones stay in encoding_rs, behind the `cjk` feature.

use std::{env, error::Error, fmt::Write as _, fs, path::PathBuf};

use encoding_rs::Encoding;

const CODE_PAGES: [(&str, &Encoding); 11] = [
    ("WINDOWS_874", encoding_rs::WINDOWS_874),
    ("WINDOWS_1250", encoding_rs::WINDOWS_1250),
    ("WINDOWS_1251", encoding_rs::WINDOWS_1251),
    ("WINDOWS_1252", encoding_rs::WINDOWS_1252),
    ("WINDOWS_1253", encoding_rs::WINDOWS_1253),
    ("WINDOWS_1254", encoding_rs::WINDOWS_1254),
    ("WINDOWS_1255", encoding_rs::WINDOWS_1255),
    ("WINDOWS_1256", encoding_rs::WINDOWS_1256),
    ("WINDOWS_1257", encoding_rs::WINDOWS_1257),
    ("WINDOWS_1258", encoding_rs::WINDOWS_1258),
    ("MACINTOSH", encoding_rs::MACINTOSH),
];

fn char_of(encoding: &'static Encoding, byte: u8) -> char {
    let byte = [byte];
    let (text, _) = encoding.decode_without_bom_handling(&byte);
    text.chars().next().unwrap_or('\u{FFFD}')
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=build.rs");
    let mut code = String::new();
    for (name, encoding) in CODE_PAGES {
        // The tables hold the upper half only: the lower is ASCII in every one of them.
        if (0..0x80u8).any(|byte| char_of(encoding, byte) != char::from(byte)) {
            return Err(format!("{} is not ASCII below 0x80", encoding.name()).into());
        }
        let high = (0x80..=0xFFu8)
            .map(|byte| format!("'\\u{{{:04X}}}'", u32::from(char_of(encoding, byte))))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(
            code,
            "/// {0}, as encoding_rs decodes it.\n\
             pub(crate) static {name}: SingleByte = SingleByte {{ name: {0:?}, high: [{high}] }};",
            encoding.name()
        )?;
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    fs::write(out.join("code_pages.rs"), code)?;
    Ok(())
}
