//! Writing a package filled from another: every entry of the source copied byte-for-byte
//! (zip raw copy, still deflated) unless rewritten, then the added parts.

use std::{
    collections::BTreeMap,
    io::{Cursor, Seek, Write},
};

use zip::{write::SimpleFileOptions, CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::{Error, ErrorKind};

/// The parts of the output that differ from the source: name → bytes. Names present in
/// the source replace its entry in place; the others are appended, in name order.
pub type Rewrites = BTreeMap<String, Vec<u8>>;

/// Rewritten parts smaller than this (in bytes) are stored, not deflated.
const STORE_BELOW: usize = 4096;

/// The zip options of every part written (not copied): deflated at the fastest level and
/// dated 1980-01-01, so that the output depends on nothing but the inputs.
fn part_options() -> SimpleFileOptions {
    // The fastest level: a third of the writer's time went into deflating at the default
    // level, for parts some 20% smaller.
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
}

/// Writes a package into `out`: the entries of `source` (a zip) named in `names`, in
/// that order, each copied raw unless rewritten; the entry named `main` written by
/// `write_main` straight into the zip (streamed, never held whole); then the parts of
/// `rewrites` not in `names`.
pub fn write_package<W, E>(
    source: &[u8],
    names: &[String],
    rewrites: &Rewrites,
    main: &str,
    write_main: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    out: W,
) -> Result<W, E>
where
    W: Write + Seek,
    E: From<Error> + From<std::io::Error>,
{
    let write_err = |err: zip::result::ZipError| {
        Error::new(ErrorKind::Write { message: err.to_string() })
    };
    let options = part_options();
    // Deflating a small part saves a few hundred bytes and costs a compressor set-up
    // (some 300 KiB to allocate and clear) or reset: as much as deflating the main part.
    let options_for = |bytes: &[u8]| {
        if bytes.len() < STORE_BELOW {
            options.compression_method(CompressionMethod::Stored).compression_level(None)
        } else {
            options
        }
    };
    let mut writer = ZipWriter::new(out);
    let mut archive = ZipArchive::new(Cursor::new(source))
        .map_err(|e| Error::new(ErrorKind::NotZip { message: e.to_string() }))?;
    let mut write_main = Some(write_main);
    for name in names {
        if name == main {
            if let Some(write_main) = write_main.take() {
                writer.start_file(name.as_str(), options).map_err(write_err)?;
                write_main(&mut writer)?;
            }
            continue;
        }
        if let Some(bytes) = rewrites.get(name) {
            writer.start_file(name.as_str(), options_for(bytes)).map_err(write_err)?;
            writer.write_all(bytes)?;
            continue;
        }
        let Some(index) = archive.index_for_name(name) else { continue };
        let file = archive.by_index_raw(index).map_err(|e| {
            Error::new(ErrorKind::Zip { part: name.clone(), message: e.to_string() })
        })?;
        writer.raw_copy_file(file).map_err(write_err)?;
    }
    for (name, bytes) in rewrites {
        if !names.iter().any(|n| n == name) {
            writer.start_file(name.as_str(), options_for(bytes)).map_err(write_err)?;
            writer.write_all(bytes)?;
        }
    }
    Ok(writer.finish().map_err(write_err)?)
}
