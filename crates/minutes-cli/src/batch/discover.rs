//! Finding the drafts of a batch: the input tree walked in a stable order.
//!
//! A directory is searched recursively for `.docx` and `.txt` files. Left out: hidden
//! files and directories (`.git`, `.minutes-*.part` temporaries), Word's owner files
//! (`~$name.docx`), our own outputs (`*.minutes.docx`, `*.agenda.docx`), templates
//! (`*.dotx`, anything under a `templates` folder), the output directory when it lies
//! inside an input, and symbolic links to directories (a link loop must not hang the
//! batch). A file named on the command line is taken whatever its extension.
//!
//! Outputs are named after the draft without its extension (`x.minutes.docx`); when two
//! drafts would share that name (`x.docx` beside `x.txt`), both keep their extension in
//! it (`x.docx.minutes.docx`, `x.txt.minutes.docx`).

use std::{
    collections::HashMap,
    fs,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};

/// One draft to convert.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The file, as found (input directory joined with the relative path).
    pub path: PathBuf,
    /// Where its outputs go, relative to OUTDIR, without extension: `a/b/x` for
    /// `a/b/x.txt`.
    pub stem: PathBuf,
    /// Set when another draft already claims the same outputs.
    pub collides_with: Option<PathBuf>,
}

/// An entry of the walk: a draft, or a directory that could not be read.
#[derive(Debug)]
pub enum Found {
    /// A draft to convert.
    Draft(Draft),
    /// A directory that could not be listed; reported as a failed input.
    Unreadable { path: PathBuf, message: String },
}

/// Walks `inputs` (directories or files) and returns the drafts in a stable order:
/// inputs in command-line order, each tree sorted by name. `outdir` must exist.
pub fn discover(inputs: &[PathBuf], outdir: &Path) -> anyhow::Result<Vec<Found>> {
    let outdir = fs::canonicalize(outdir)
        .with_context(|| format!("cannot open output directory {}", outdir.display()))?;
    let mut found = Vec::new();
    for input in inputs {
        let metadata = fs::metadata(input)
            .with_context(|| format!("cannot read {}", input.display()))?;
        if metadata.is_dir() {
            walk(input, Path::new(""), &outdir, &mut found);
        } else if metadata.is_file() {
            let name = input.file_name().map(PathBuf::from).unwrap_or_default();
            found.push(Found::Draft(Draft {
                path: input.clone(),
                stem: name.with_extension(""),
                collides_with: None,
            }));
        } else {
            bail!("cannot read {}: not a file or directory", input.display());
        }
    }
    mark_collisions(&mut found);
    Ok(found)
}

fn walk(root: &Path, relative: &Path, outdir: &Path, found: &mut Vec<Found>) {
    let directory = root.join(relative);
    let entries = match fs::read_dir(&directory) {
        Ok(entries) => entries,
        Err(err) => {
            found.push(Found::Unreadable {
                path: directory,
                message: format!("cannot read directory: {err}"),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        let Some(text) = name.to_str() else { continue };
        if text.starts_with('.') || text.starts_with("~$") {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else { continue };
        let relative = relative.join(&name);
        if file_type.is_dir() {
            // The output directory is skipped only when strictly inside the input: with
            // `-o` equal to the input, the outputs sit beside their drafts.
            let inside = fs::canonicalize(&path).is_ok_and(|p| p == outdir);
            // Templates are not drafts; a templates folder is converted only when named.
            let templates = text.eq_ignore_ascii_case("templates");
            if !inside && !templates {
                walk(root, &relative, outdir, found);
            }
            continue;
        }
        let is_file = file_type.is_file()
            || (file_type.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
        if !is_file || !is_draft_name(text) {
            continue;
        }
        found.push(Found::Draft(Draft {
            path,
            stem: relative.with_extension(""),
            collides_with: None,
        }));
    }
}

/// Returns true if and only if a file of this name is a draft to convert.
fn is_draft_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".minutes.docx") || lower.ends_with(".agenda.docx") {
        return false;
    }
    lower.ends_with(".docx") || lower.ends_with(".txt")
}

/// Gives drafts that share an output name (`x.docx` and `x.txt` in one directory) names
/// with their extension, then marks drafts whose outputs would still overwrite an earlier
/// draft's (the same relative path under two inputs).
fn mark_collisions(found: &mut [Found]) {
    let mut count: HashMap<PathBuf, usize> = HashMap::new();
    for entry in found.iter() {
        if let Found::Draft(draft) = entry {
            *count.entry(draft.stem.clone()).or_default() += 1;
        }
    }
    for entry in found.iter_mut() {
        if let Found::Draft(draft) = entry {
            let shared = count.get(&draft.stem).is_some_and(|n| *n > 1);
            if let (true, Some(name)) = (shared, draft.path.file_name()) {
                draft.stem.set_file_name(name);
            }
        }
    }
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    for entry in found.iter_mut() {
        if let Found::Draft(draft) = entry {
            match seen.get(&draft.stem) {
                Some(first) => draft.collides_with = Some(first.clone()),
                None => {
                    seen.insert(draft.stem.clone(), draft.path.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_names() {
        assert!(is_draft_name("x.docx"));
        assert!(is_draft_name("X.DOCX"));
        assert!(is_draft_name("x.txt"));
        assert!(!is_draft_name("x.minutes.docx"));
        assert!(!is_draft_name("x.Agenda.docx"));
        assert!(!is_draft_name("x.json"));
        assert!(!is_draft_name("x.dispositions.csv"));
    }
}
