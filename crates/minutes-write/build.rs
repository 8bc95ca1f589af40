//! Embeds the built-in template: lists every part under `templates/onem2m-minutes/` as an
//! `include_bytes!` entry in `$OUT_DIR/builtin_template.rs`.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

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
    let root = templates.join("onem2m-minutes");
    let mut parts = Vec::new();
    collect(&root, &root, &mut parts)?;
    // `[Content_Types].xml` first, as Word writes it; then by name for stable output.
    parts.sort_by(|a, b| {
        (a.0 != "[Content_Types].xml", &a.0).cmp(&(b.0 != "[Content_Types].xml", &b.0))
    });
    let mut code = String::from(
        "/// The parts of the built-in template, `[Content_Types].xml` first.\n\
         pub(crate) static BUILTIN_PARTS: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in &parts {
        let absolute = fs::canonicalize(path)?;
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            absolute.to_string_lossy()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    fs::write(out.join("builtin_template.rs"), code)
}
