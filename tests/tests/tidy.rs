//! Tidy: every `.rs` file opens with a `//!` line, every crate is named in ARCHITECTURE.md and
//! every crate ARCHITECTURE.md names exists, and crate dependencies only point to lower layers.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        let name = e.file_name();
        let name = name.to_string_lossy();
        if p.is_dir() {
            if name != "target" && !name.starts_with('.') && name != "ui" {
                rust_files(&p, out);
            }
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let mut files = Vec::new();
    for d in ["crates", "xtask", "tests"] {
        rust_files(&root().join(d), &mut files);
    }
    assert!(files.len() > 10);
    let missing: Vec<_> = files
        .iter()
        .filter(|f| !fs::read_to_string(f).unwrap().starts_with("//!"))
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading //! line: {missing:?}"
    );
}

/// Crate name → layer, as ARCHITECTURE.md's table says.
fn layers() -> Vec<(String, u32)> {
    let arch = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    arch.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // | layer | `crate` | ...
            let layer = cells.get(1)?.parse::<u32>().ok()?;
            let name = cells.get(2)?.trim_matches('`');
            Some((name.to_owned(), layer))
        })
        .collect()
}

fn crates() -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(root().join("crates"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn architecture_names_every_crate_and_only_existing_ones() {
    let named: Vec<String> = layers().into_iter().map(|(n, _)| n).collect();
    let existing = crates();
    for c in &existing {
        assert!(
            named.contains(c),
            "crates/{c} is missing from ARCHITECTURE.md's layer table"
        );
    }
    for n in &named {
        assert!(
            existing.contains(n),
            "ARCHITECTURE.md names `{n}`, which is not in crates/"
        );
    }
}

#[test]
fn dependencies_point_to_lower_layers() {
    let layers = layers();
    let layer_of = |n: &str| layers.iter().find(|(c, _)| c == n).map(|(_, l)| *l);
    for c in crates() {
        let manifest =
            fs::read_to_string(root().join("crates").join(&c).join("Cargo.toml")).unwrap();
        let mut section = String::new();
        for line in manifest.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                section = line.to_owned();
                continue;
            }
            if section != "[dependencies]" {
                continue;
            }
            let dep = line.split(['=', '.', ' ']).next().unwrap_or("");
            if !dep.starts_with("aludel") {
                continue;
            }
            let (Some(from), Some(to)) = (layer_of(&c), layer_of(dep)) else {
                panic!("{c} depends on {dep}, which ARCHITECTURE.md does not place in a layer");
            };
            // IO crates (layer 2 and up) may use their own layer's connection helpers; below
            // that a same-layer edge fails, which also keeps aludel-diff and aludel-render apart,
            // except towards aludel-sql, which depends on nothing and is under every layer-0 crate
            assert!(
                to < from || (to == from && (from >= 2 || dep == "aludel-sql")),
                "{c} (layer {from}) depends on {dep} (layer {to}): edges must point down"
            );
        }
    }
}
