//! Tidy: every `.rs` file opens with a `//!` line; the workspace as `cargo metadata` sees it (all
//! packages, every kind of dependency) keeps ARCHITECTURE.md's layer table and rules; no source
//! file reaches into another package with `#[path]` or `include!`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_owned()
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

fn all_rust_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for d in ["crates", "xtask", "tests"] {
        rust_files(&root().join(d), &mut files);
    }
    assert!(files.len() > 10);
    files
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let missing: Vec<_> = all_rust_files()
        .into_iter()
        .filter(|f| !fs::read_to_string(f).unwrap().starts_with("//!"))
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading //! line: {missing:?}"
    );
}

/// Crate name → layer, as ARCHITECTURE.md's code map table says.
fn layers(arch: &str) -> BTreeMap<String, u32> {
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

/// One dependency edge of a workspace package.
#[derive(Debug, Clone)]
struct Dep {
    name: String,
    /// `None` (normal), `dev` or `build`.
    kind: Option<String>,
    optional: bool,
}

#[derive(Debug)]
struct Package {
    name: String,
    /// The package directory relative to the repository root (`crates/aludel-pg`, `tests`).
    dir: PathBuf,
    deps: Vec<Dep>,
}

/// Every workspace package as `cargo metadata` reports it (no registry access).
fn packages() -> Vec<Package> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let members: BTreeSet<&str> = meta["workspace_members"]
        .as_array()
        .expect("workspace_members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let root = root().canonicalize().unwrap();
    let mut out: Vec<Package> = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| p["id"].as_str().is_some_and(|id| members.contains(id)))
        .map(|p| {
            let manifest = PathBuf::from(p["manifest_path"].as_str().expect("manifest_path"));
            let dir = manifest
                .parent()
                .unwrap()
                .canonicalize()
                .unwrap()
                .strip_prefix(&root)
                .expect("a workspace package lives in the repository")
                .to_owned();
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .map(|d| Dep {
                    name: d["name"].as_str().expect("dependency name").to_owned(),
                    kind: d["kind"].as_str().map(str::to_owned),
                    optional: d["optional"].as_bool().unwrap_or(false),
                })
                .collect();
            Package {
                name: p["name"].as_str().expect("name").to_owned(),
                dir,
                deps,
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(out.len() > 5, "cargo metadata lists too few packages");
    out
}

/// The database and async runtime crates that only layer 2 and up may use.
const IO_CRATES: [&str; 2] = ["sqlx", "tokio"];

/// Checks the packages against the architecture text; every violation, one per line.
fn violations(arch: &str, packages: &[Package]) -> Vec<String> {
    let layers = layers(arch);
    let mut bad = Vec::new();
    let names: BTreeSet<&str> = packages.iter().map(|p| p.name.as_str()).collect();
    // a crate under crates/ is in the table; anything else is a tool (xtask, tests) whose
    // directory the text names, and which no crate of the table may depend on
    let mut tools = BTreeSet::new();
    for p in packages {
        let in_crates = p.dir.starts_with("crates");
        match (in_crates, layers.contains_key(&p.name)) {
            (true, true) => {}
            (true, false) => bad.push(format!(
                "{} is missing from ARCHITECTURE.md's layer table",
                p.name
            )),
            (false, true) => bad.push(format!(
                "{} is in the layer table but lives outside crates/",
                p.name
            )),
            (false, false) => {
                let dir = format!("`{}/`", p.dir.display());
                if !arch.contains(&dir) {
                    bad.push(format!(
                        "ARCHITECTURE.md does not describe {dir} (package {})",
                        p.name
                    ));
                }
                tools.insert(p.name.as_str());
            }
        }
    }
    for n in layers.keys() {
        if !names.contains(n.as_str()) {
            bad.push(format!(
                "ARCHITECTURE.md names `{n}`, which is not a workspace package"
            ));
        }
    }
    // a crate with no dependency inside the workspace: same-layer edges onto it cannot cycle
    let leaf = |n: &str| {
        packages
            .iter()
            .find(|p| p.name == n)
            .is_some_and(|p| p.deps.iter().all(|d| !names.contains(d.name.as_str())))
    };
    for p in packages {
        let Some(&from) = layers.get(&p.name) else {
            continue; // tools may use everything
        };
        for d in &p.deps {
            let dev = d.kind.as_deref() == Some("dev");
            let what = format!(
                "{} (layer {from}) {}depends on {}",
                p.name,
                if dev { "dev-" } else { "" },
                d.name
            );
            if IO_CRATES.contains(&d.name.as_str()) && from < 2 {
                bad.push(format!(
                    "{what}: layers 0 and 1 do no IO, tokio and sqlx only from layer 2 up"
                ));
                continue;
            }
            if !names.contains(d.name.as_str()) {
                continue;
            }
            if tools.contains(d.name.as_str()) {
                bad.push(format!("{what}, a tool outside the layer table"));
                continue;
            }
            let to = layers[&d.name];
            if ["aludel-diff", "aludel-render"].contains(&p.name.as_str())
                && ["aludel-diff", "aludel-render"].contains(&d.name.as_str())
            {
                bad.push(format!(
                    "{what}: aludel-diff and aludel-render never depend on each other"
                ));
                continue;
            }
            if dev {
                // tests of a pure crate stay pure; tests of IO crates may use any crate
                if from < 2 && to >= 2 {
                    bad.push(format!(
                        "{what} (layer {to}): tests of layers 0 and 1 do no IO"
                    ));
                }
                continue;
            }
            // down, or sideways onto a crate without workspace dependencies (the SQL text
            // crate of layer 0), or between the IO crates of layer 2 and up
            let ok = to < from || (to == from && (from >= 2 || leaf(&d.name)));
            if !ok {
                bad.push(format!("{what} (layer {to}): edges must point down"));
            }
        }
    }
    // the facade pulls in no database driver unless its `testing` feature is on
    let mut seen = BTreeSet::new();
    let mut stack = vec!["aludel".to_owned()];
    while let Some(n) = stack.pop() {
        if !seen.insert(n.clone()) {
            continue;
        }
        let Some(p) = packages.iter().find(|p| p.name == n) else {
            continue;
        };
        for d in p.deps.iter().filter(|d| d.kind.is_none() && !d.optional) {
            if IO_CRATES.contains(&d.name.as_str()) {
                bad.push(format!(
                    "the facade `aludel` pulls in {} through {n} without the `testing` feature",
                    d.name
                ));
            }
            if names.contains(d.name.as_str()) {
                stack.push(d.name.clone());
            }
        }
    }
    bad
}

#[test]
fn the_workspace_keeps_the_layer_rules_of_architecture_md() {
    let arch = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let packages = packages();
    assert!(
        packages.iter().any(|p| p.name == "aludel-tests")
            && packages.iter().any(|p| p.name == "xtask"),
        "cargo metadata must list the tools too: {packages:?}"
    );
    let bad = violations(&arch, &packages);
    assert!(bad.is_empty(), "layer rules broken:\n{}", bad.join("\n"));
}

fn pkg(name: &str, dir: &str, deps: &[(&str, Option<&str>)]) -> Package {
    Package {
        name: name.into(),
        dir: dir.into(),
        deps: deps
            .iter()
            .map(|(n, k)| Dep {
                name: (*n).into(),
                kind: k.map(str::to_owned),
                optional: false,
            })
            .collect(),
    }
}

#[test]
fn the_layer_check_rejects_what_the_rules_forbid() {
    let arch = "| 0 | `a-sql` | x |\n| 0 | `a-schema` | x |\n| 0 | `a-mig` | x |\n\
                | 1 | `aludel-diff` | x |\n| 1 | `aludel-render` | x |\n| 2 | `a-pg` | x |\n\
                Outside: `tools/`\n";
    let ok = [
        pkg("a-sql", "crates/a-sql", &[]),
        pkg("a-schema", "crates/a-schema", &[("a-sql", None)]),
        pkg("a-mig", "crates/a-mig", &[("a-sql", None)]),
        pkg("aludel-diff", "crates/aludel-diff", &[("a-schema", None)]),
        pkg(
            "aludel-render",
            "crates/aludel-render",
            &[("a-schema", None)],
        ),
        pkg(
            "a-pg",
            "crates/a-pg",
            &[("tokio", None), ("aludel-diff", Some("dev"))],
        ),
        pkg("tool", "tools", &[("a-pg", None)]),
    ];
    assert_eq!(violations(arch, &ok), Vec::<String>::new());
    let broken = [
        pkg("a-sql", "crates/a-sql", &[]),
        // sideways onto a crate that is not a leaf
        pkg(
            "a-schema",
            "crates/a-schema",
            &[("a-sql", None), ("a-mig", None)],
        ),
        pkg("a-mig", "crates/a-mig", &[("a-sql", None), ("tokio", None)]),
        pkg(
            "aludel-diff",
            "crates/aludel-diff",
            &[("aludel-render", Some("dev"))],
        ),
        pkg(
            "aludel-render",
            "crates/aludel-render",
            &[("a-pg", Some("dev")), ("tool", Some("dev"))],
        ),
        pkg("a-pg", "crates/a-pg", &[]),
        pkg("a-new", "crates/a-new", &[]),
        pkg("tool", "tools", &[("a-pg", None)]),
        pkg("other", "elsewhere", &[]),
    ];
    let got = violations(arch, &broken).join("\n");
    for want in [
        "a-new is missing from ARCHITECTURE.md's layer table",
        "ARCHITECTURE.md does not describe `elsewhere/`",
        "a-schema (layer 0) depends on a-mig (layer 0): edges must point down",
        "a-mig (layer 0) depends on tokio: layers 0 and 1 do no IO",
        "aludel-diff (layer 1) dev-depends on aludel-render: aludel-diff and aludel-render never",
        "aludel-render (layer 1) dev-depends on a-pg (layer 2): tests of layers 0 and 1 do no IO",
        "aludel-render (layer 1) dev-depends on tool, a tool outside the layer table",
    ] {
        assert!(got.contains(want), "missing `{want}` in:\n{got}");
    }
    assert_eq!(got.lines().count(), 7, "{got}");
}

/// `path` without `.` and `..` components (no file system access).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The string literals that follow each `marker` in `text` (`#[path = "…"]`, `include!("…")`).
fn literals_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        rest = &rest[i + marker.len()..];
        let after = rest.trim_start_matches([' ', '=', '(']);
        if let Some(lit) = after.strip_prefix('"')
            && let Some(end) = lit.find('"')
        {
            out.push(&lit[..end]);
        }
    }
    out
}

#[test]
fn no_source_file_includes_another_packages_files() {
    let packages = packages();
    let root = root();
    let dirs: Vec<PathBuf> = packages.iter().map(|p| root.join(&p.dir)).collect();
    // the package a path belongs to: the longest package directory that contains it
    let owner = |p: &Path| {
        dirs.iter()
            .filter(|d| p.starts_with(d))
            .max_by_key(|d| d.components().count())
            .cloned()
    };
    let mut bad = Vec::new();
    for file in all_rust_files() {
        let text = fs::read_to_string(&file).unwrap();
        let base = file.parent().unwrap();
        let mut targets = Vec::new();
        for marker in ["#[path", "include!", "include_str!", "include_bytes!"] {
            for lit in literals_after(&text, marker) {
                targets.push((marker, lit));
            }
        }
        for (marker, lit) in targets {
            let target = lexical(&base.join(lit));
            if owner(&target) != owner(&file) {
                bad.push(format!(
                    "{}: {marker}{}\"{lit}\" reaches into another package; share code through a crate dependency",
                    file.strip_prefix(&root).unwrap_or(&file).display(),
                    if marker == "#[path" { " = " } else { "(" }
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "cross-package source includes:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_include_scan_finds_path_attributes_and_includes() {
    let text = "#[path = \"../../x/src/a.rs\"]\nmod a;\nconst Q: &str = include_str!(\"q.sql\");\ninclude!(\"gen.rs\");";
    assert_eq!(literals_after(text, "#[path"), ["../../x/src/a.rs"]);
    assert_eq!(literals_after(text, "include_str!"), ["q.sql"]);
    assert_eq!(literals_after(text, "include!"), ["gen.rs"]);
    assert_eq!(
        lexical(Path::new("/r/crates/d/src/../../s/src/n.rs")),
        Path::new("/r/crates/s/src/n.rs")
    );
}

/// The top-level modules of one `src/` directory and the other top-level modules each one
/// names through `crate::` (test modules left out: they may use everything).
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(src).expect("under src");
        let first = rel.components().next().expect("a component");
        let name = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if matches!(name.as_str(), "lib" | "main" | "tests") {
            continue;
        }
        let text = fs::read_to_string(f).expect("readable");
        // code after `#[cfg(test)]` is test code
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        texts.entry(name).or_default().push_str(&code);
    }
    let names: BTreeSet<String> = texts.keys().cloned().collect();
    let mut graph = BTreeMap::new();
    for (name, code) in &texts {
        let mut deps = BTreeSet::new();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let named: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                // `crate::{a, b::c}`: the first segment of each item
                let group = group.split('}').next().unwrap_or("");
                group
                    .split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or(""))
                    .collect()
            } else {
                vec![
                    rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or(""),
                ]
            };
            for n in named {
                if n != name && names.contains(n) {
                    deps.insert(n.to_owned());
                }
            }
        }
        graph.insert(name.clone(), deps);
    }
    graph
}

/// A cycle of the graph, if it has one (`a -> b -> a`).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(n.to_owned());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_owned());
        for d in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_has_a_module_cycle() {
    let root = root();
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join("crates"))
        .expect("crates/")
        .map(|e| e.expect("entry").path().join("src"))
        .collect();
    dirs.push(root.join("xtask/src"));
    dirs.push(root.join("tests/src"));
    dirs.sort();
    let cycles: Vec<String> = dirs
        .iter()
        .filter(|d| d.is_dir())
        .filter_map(|d| {
            find_cycle(&module_graph(d)).map(|c| format!("{}: {}", d.display(), c.join(" -> ")))
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "module cycles (a pipeline must go one way):\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let dir = std::env::temp_dir().join(format!("aludel-tidy-cycle-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    fs::write(dir.join("a.rs"), "//! a\nuse crate::b::B;\n").expect("write");
    fs::write(dir.join("b.rs"), "//! b\nuse crate::{c::C, x};\n").expect("write");
    fs::write(
        dir.join("c.rs"),
        "//! c\nfn f() { crate::a::g() }\n#[cfg(test)]\nuse crate::b;\n",
    )
    .expect("write");
    let graph = module_graph(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        find_cycle(&graph),
        Some(vec![
            "a".to_owned(),
            "b".to_owned(),
            "c".to_owned(),
            "a".to_owned()
        ])
    );
}
