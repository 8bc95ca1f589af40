//! Embeds the built-in templates: lists every part under `templates/onem2m-minutes/` and
//! `templates/plain/` as `include_bytes!` entries in `$OUT_DIR/builtin_template.rs`, and
//! zips each template once into `$OUT_DIR/`, whose deflated entries the writer copies raw
//! instead of deflating the same parts again for every document. The XML parts are also
//! parsed here, with the writer's own parser, and packed (`minutes_ooxml::xml_tree::pack`)
//! into `$OUT_DIR/`: a run unpacks the trees instead of parsing the parts again.

use std::{
    env, fs,
    io::{Cursor, Write},
    path::{Path, PathBuf},
};

use zip::{write::SimpleFileOptions, CompressionMethod, DateTime, ZipWriter};

fn collect(
    dir: &Path,
    root: &Path,
    parts: &mut Vec<(String, PathBuf)>,
) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Editor and OS litter (`.DS_Store`, `*.swp`) and notes are no package parts;
        // `_rels/.rels` is.
        if (file_name.starts_with('.') && file_name != ".rels")
            || file_name.starts_with("README")
            || file_name.ends_with('~')
        {
            continue;
        }
        if path.is_dir() {
            collect(&path, root, parts)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            parts.push((name, path.clone()));
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let templates = manifest.join("../../templates");
    println!("cargo:rerun-if-changed=../../templates");
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let mut code = String::new();
    for (dir, prefix) in [("onem2m-minutes", "BUILTIN"), ("plain", "PLAIN")] {
        embed(&templates.join(dir), prefix, &out, &mut code)?;
    }
    fs::write(out.join("builtin_template.rs"), code)
}

/// Adds to `code` the parts of the template in `root` (`{prefix}_PARTS`) and the same
/// parts zipped (`{prefix}_PACKAGE`).
fn embed(
    root: &Path,
    prefix: &str,
    out: &Path,
    code: &mut String,
) -> std::io::Result<()> {
    let mut parts = Vec::new();
    collect(root, root, &mut parts)?;
    // `[Content_Types].xml` first, as Word writes it; then by name for stable output.
    parts.sort_by(|a, b| {
        (a.0 != "[Content_Types].xml", &a.0).cmp(&(b.0 != "[Content_Types].xml", &b.0))
    });
    // The parts as files are for the tests: the program holds the package only and
    // inflates the parts it reads from it (`Builtin::parts`), each template once.
    code.push_str(&format!(
        "/// The parts of a built-in template, `[Content_Types].xml` first.\n\
         #[cfg(test)]\n\
         pub(crate) static {prefix}_PARTS: &[(&str, &[u8])] = &[\n"
    ));
    for (name, path) in &parts {
        let absolute = fs::canonicalize(path)?;
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            absolute.to_string_lossy()
        ));
    }
    code.push_str("];\n");
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, path) in &parts {
        zip.start_file(name.as_str(), options).map_err(std::io::Error::other)?;
        zip.write_all(&fs::read(path)?)?;
    }
    let package = zip.finish().map_err(std::io::Error::other)?.into_inner();
    embed_trees(&parts, prefix, out, code)?;
    let package_path = out.join(format!("{}.docx", prefix.to_lowercase()));
    fs::write(&package_path, package)?;
    code.push_str(&format!(
        "/// The parts of a built-in template as a package, in the same order.\n\
         pub(crate) static {prefix}_PACKAGE: &[u8] = include_bytes!({:?});\n",
        package_path.to_string_lossy()
    ));
    Ok(())
}

/// Adds to `code` the XML parts of a template parsed and packed (`{prefix}_TREES`, part
/// name and packed tree). Not for the browser's module, whose size counts more than the
/// few tenths of a millisecond the trees save a run: there the parts are parsed when used.
fn embed_trees(
    parts: &[(String, PathBuf)],
    prefix: &str,
    out: &Path,
    code: &mut String,
) -> std::io::Result<()> {
    code.push_str(&format!(
        "/// The XML parts of a built-in template, parsed at build time and packed.\n\
         pub(crate) static {prefix}_TREES: &[(&str, &[u8])] = &[\n"
    ));
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let xml = parts
        .iter()
        .filter(|(name, _)| name.ends_with(".xml") || name.ends_with(".rels"));
    for (index, (name, path)) in xml.enumerate().filter(|_| !wasm) {
        let tree = minutes_ooxml::xml_tree::parse(&fs::read(path)?, name)
            .map_err(|err| std::io::Error::other(format!("{}: {err}", path.display())))?;
        let packed_path = out.join(format!("{}-tree-{index}.bin", prefix.to_lowercase()));
        fs::write(&packed_path, minutes_ooxml::xml_tree::pack(&tree))?;
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            packed_path.to_string_lossy()
        ));
    }
    code.push_str("];\n");
    Ok(())
}
