//! A whole `migrations/` directory as one checked set: loading it from disk or from memory, the
//! checks that need every file (duplicate revisions, missing parents, cycles), and writing new
//! files into it (never over an existing one).

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::file::{Migration, MigrationFile, parse};
use crate::graph::{Graph, GraphError};
use crate::id::RevisionId;

/// Every migration of a directory, parsed and checked: each revision defined once, every parent
/// present, no cycle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationSet {
    files: BTreeMap<RevisionId, MigrationFile>,
    graph: Graph,
}

/// Reads every `*.sql` file directly inside `dir` (other files, subdirectories and hidden files
/// are ignored), in file-name order, and checks them as one set. The first problem found is
/// returned.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<MigrationSet, Error> {
    let dir = dir.as_ref();
    let read_dir_error = |error| Error::ReadDir {
        path: dir.to_owned(),
        error,
    };
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(read_dir_error)? {
        let path = entry.map_err(read_dir_error)?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // `.SQL` is taken too, so that `parse` rejects it instead of it being skipped silently.
        let is_sql = name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("sql"));
        if is_sql && !name.starts_with('.') && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();

    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => return Err(Error::ReadFile { path, error }),
        };
        let content = match String::from_utf8(bytes) {
            Ok(content) => content,
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
                return Err(Error::NotUtf8 { path, line });
            }
        };
        files.push(parse(path, &content)?);
    }
    MigrationSet::new(files)
}

/// Writes `migrations` into `dir` as new files, in order, creating `dir` when needed. A file
/// is never overwritten: one whose name exists already fails (`create_new`), and on any failure
/// the files written so far are removed again. Returns the paths written.
pub fn write_new(dir: impl AsRef<Path>, migrations: &[Migration]) -> Result<Vec<PathBuf>, Error> {
    let dir = dir.as_ref();
    fs::create_dir_all(dir).map_err(|error| Error::CreateDir {
        path: dir.to_owned(),
        error,
    })?;
    let mut written = Vec::new();
    for m in migrations {
        let path = dir.join(m.file_name());
        let result = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, m.write().as_bytes()));
        if let Err(error) = result {
            for p in &written {
                let _ = fs::remove_file(p);
            }
            return Err(Error::WriteFile { path, error });
        }
        written.push(path);
    }
    Ok(written)
}

impl MigrationSet {
    /// The id of a new revision made at `unix_seconds` (moved on past every revision of the
    /// set, so it sorts after them) with `message` as its slug.
    pub fn new_revision_id(&self, unix_seconds: u64, message: &str) -> RevisionId {
        RevisionId::generate(self.next_revision_time(unix_seconds), message)
    }

    /// Parses `(file name, content)` pairs held in memory, such as migrations compiled into a
    /// binary, and checks them as [`load_dir`] does. The first problem, in the given order, is
    /// returned.
    pub fn from_files<P, C>(files: impl IntoIterator<Item = (P, C)>) -> Result<Self, Error>
    where
        P: Into<PathBuf>,
        C: AsRef<str>,
    {
        let files = files
            .into_iter()
            .map(|(path, content)| parse(path, content.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        MigrationSet::new(files)
    }

    /// Checks already parsed files as one set.
    pub fn new(files: Vec<MigrationFile>) -> Result<Self, Error> {
        let mut by_revision: BTreeMap<RevisionId, MigrationFile> = BTreeMap::new();
        for file in files {
            match by_revision.entry(file.revision().clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(file);
                }
                Entry::Occupied(first) => {
                    return Err(Error::DuplicateRevision {
                        revision: first.key().clone(),
                        first: first.get().path().to_owned(),
                        second: file.path().to_owned(),
                    });
                }
            }
        }
        let parents = by_revision
            .iter()
            .map(|(revision, file)| (revision.clone(), file.parents().to_vec()))
            .collect();
        let graph = Graph::build(parents).map_err(|e| match e {
            GraphError::MissingParent { revision, parent } => {
                let file = &by_revision[&revision];
                Error::MissingParent {
                    path: file.path().to_owned(),
                    line: file.parents_line(),
                    revision,
                    parent,
                }
            }
            GraphError::Cycle(revisions) => {
                // The first revision of the cycle lists the last one as a parent.
                let file = &by_revision[&revisions[0]];
                Error::Cycle {
                    path: file.path().to_owned(),
                    line: file.parents_line(),
                    revisions,
                }
            }
        })?;
        Ok(MigrationSet {
            files: by_revision,
            graph,
        })
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn get(&self, revision: &RevisionId) -> Option<&MigrationFile> {
        self.files.get(revision)
    }

    /// The file of a revision named by the user; an error when no file defines it.
    pub fn find(&self, revision: &str) -> Result<&MigrationFile, Error> {
        RevisionId::parse(revision)
            .ok()
            .and_then(|id| self.files.get(&id))
            .ok_or_else(|| Error::UnknownRevision {
                revision: revision.to_owned(),
            })
    }

    /// Every file, in the graph's topological order.
    pub fn iter(&self) -> impl Iterator<Item = &MigrationFile> {
        self.graph
            .topological_order()
            .iter()
            .filter_map(|revision| self.files.get(revision))
    }

    /// The time to put in the id of a new revision made at `unix_seconds`: that time, moved on
    /// by seconds until its timestamp is after every revision of the set, so that new ids sort
    /// last even when the clock is behind or several are made in one second.
    pub fn next_revision_time(&self, unix_seconds: u64) -> u64 {
        let newest = self.files.keys().map(RevisionId::timestamp).max();
        let mut seconds = unix_seconds;
        while newest.is_some_and(|n| RevisionId::generate(seconds, "x").timestamp() <= n) {
            seconds += 1;
        }
        seconds
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use expect_test::{Expect, expect};

    use super::*;
    use crate::file::Section;

    /// A minimal file text for `revision` with `parents` (`-` for none) and one upgrade
    /// statement.
    fn file(revision: &str, parents: &str) -> (String, String) {
        let mut text = format!("-- aludel: revision {revision}\n");
        if parents != "-" {
            let _ = writeln!(text, "-- aludel: parents {parents}");
        }
        let _ = write!(
            text,
            "\n-- aludel: upgrade\nSELECT '{revision}';\n\n-- aludel: downgrade\n"
        );
        (format!("migrations/{revision}.sql"), text)
    }

    #[test]
    fn new_files_never_overwrite_and_leave_nothing_behind_on_failure() {
        let dir = std::env::temp_dir().join(format!("aludel-write-new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let migration = |slug: &str| {
            Migration::new(RevisionId::generate(1_767_323_045, slug), Vec::new(), slug)
        };
        let paths = write_new(dir.join("migrations"), &[migration("a")]).unwrap();
        assert_eq!(paths, [dir.join("migrations/20260102030405_a.sql")]);
        fs::write(&paths[0], "edited by hand").unwrap();
        let err = write_new(dir.join("migrations"), &[migration("b"), migration("a")]).unwrap_err();
        assert!(
            matches!(&err, Error::WriteFile { path, .. } if *path == paths[0]),
            "{err}"
        );
        assert_eq!(
            err.hint().as_deref(),
            Some("a file of that name exists already and was left as it is; try again")
        );
        assert_eq!(fs::read_to_string(&paths[0]).unwrap(), "edited by hand");
        assert!(
            !dir.join("migrations/20260102030405_b.sql").exists(),
            "b was removed again"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn new_revisions_sort_after_every_existing_one() {
        let set = MigrationSet::from_files([file("20260102030405_a", "-")]).unwrap();
        // 2026-01-02 03:04:05 UTC is 1767323045
        let at = 1_767_323_045;
        assert_eq!(set.next_revision_time(at - 3600), at + 1, "clock behind");
        assert_eq!(set.next_revision_time(at), at + 1, "same second");
        assert_eq!(set.next_revision_time(at + 10), at + 10, "later");
        let empty = MigrationSet::new(Vec::new()).unwrap();
        assert_eq!(empty.next_revision_time(5), 5);
    }

    /// Builds a set from in-memory files and renders it (files in topological order, heads) or
    /// the error with its hint.
    fn check(files: Vec<(String, String)>, expect: Expect) {
        let rendered = match MigrationSet::from_files(files) {
            Ok(set) => render(&set),
            Err(e) => render_error(&e),
        };
        expect.assert_eq(&rendered);
    }

    fn render(set: &MigrationSet) -> String {
        let mut out = String::new();
        for file in set.iter() {
            let upgrade = file.statements(Section::Upgrade);
            let _ = writeln!(
                out,
                "{} ({} upgrade statements)",
                file.path().display(),
                upgrade.len()
            );
        }
        let heads: Vec<&str> = set
            .graph()
            .heads()
            .into_iter()
            .map(|h| h.as_str())
            .collect();
        let _ = writeln!(out, "heads: {}", heads.join(", "));
        out
    }

    fn render_error(e: &Error) -> String {
        match e.hint() {
            Some(hint) => format!("error: {e}\nhint: {hint}\n"),
            None => format!("error: {e}\n"),
        }
    }

    #[test]
    fn a_valid_history() {
        check(
            vec![
                file("20260103000000_merge", "20260102000000_b 20260102000000_a"),
                file("20260102000000_a", "20260101000000_initial"),
                file("20260101000000_initial", "-"),
                file("20260102000000_b", "20260101000000_initial"),
            ],
            expect![[r#"
                migrations/20260101000000_initial.sql (1 upgrade statements)
                migrations/20260102000000_a.sql (1 upgrade statements)
                migrations/20260102000000_b.sql (1 upgrade statements)
                migrations/20260103000000_merge.sql (1 upgrade statements)
                heads: 20260103000000_merge
            "#]],
        );
        check(
            vec![],
            expect![[r#"
            heads: 
        "#]],
        );
    }

    #[test]
    fn error_duplicate_revision() {
        let (_, content) = file("20260101000000_initial", "-");
        check(
            vec![
                ("a/20260101000000_initial.sql".to_owned(), content.clone()),
                ("b/20260101000000_initial.sql".to_owned(), content),
            ],
            expect![[r#"
                error: a/20260101000000_initial.sql: revision `20260101000000_initial` is defined twice, also by b/20260101000000_initial.sql
                hint: each revision lives in exactly one file; remove or rename one of them
            "#]],
        );
    }

    #[test]
    fn error_missing_parent() {
        check(
            vec![
                file("20260101000000_initial", "-"),
                file(
                    "20260102000000_a",
                    "20260101000000_initial 20260101120000_gone",
                ),
            ],
            expect![[r#"
                error: migrations/20260102000000_a.sql:2: parent `20260101120000_gone` of revision `20260102000000_a` is not in the migrations
                hint: restore `20260101120000_gone.sql` from version control, or fix the `parents` directive
            "#]],
        );
    }

    #[test]
    fn error_cycle() {
        check(
            vec![
                file("20260101000000_initial", "-"),
                file(
                    "20260102000000_a",
                    "20260101000000_initial 20260103000000_b",
                ),
                file("20260103000000_b", "20260102000000_a"),
            ],
            expect![[r#"
                error: migrations/20260102000000_a.sql:2: revisions form a cycle: 20260102000000_a -> 20260103000000_b -> 20260102000000_a
                hint: a revision cannot descend from itself; fix the `parents` directive of one of them
            "#]],
        );
    }

    #[test]
    fn error_of_one_file_stops_the_set() {
        let mut bad = file("20260102000000_a", "20260101000000_initial");
        bad.1 = bad.1.replace("-- aludel: downgrade\n", "");
        check(
            vec![file("20260101000000_initial", "-"), bad],
            expect![[r#"
                error: migrations/20260102000000_a.sql: no downgrade section
                hint: add a line `-- aludel: downgrade` after the upgrade statements (the section may be empty)
            "#]],
        );
    }

    #[test]
    fn error_multiple_heads() {
        let set = MigrationSet::from_files(vec![
            file("20260101000000_initial", "-"),
            file("20260102000000_b", "20260101000000_initial"),
            file("20260102000000_a", "20260101000000_initial"),
        ])
        .unwrap();
        expect![[r#"
            error: the migrations have several heads: 20260102000000_a, 20260102000000_b
            hint: join them with `merge -m <message>`
        "#]]
        .assert_eq(&render_error(&set.graph().head().unwrap_err()));
    }

    #[test]
    fn find_and_error_unknown_revision() {
        let set = MigrationSet::from_files(vec![file("20260101000000_initial", "-")]).unwrap();
        assert_eq!(
            set.find("20260101000000_initial")
                .unwrap()
                .revision()
                .as_str(),
            "20260101000000_initial"
        );
        let id = RevisionId::parse("20260101000000_initial").unwrap();
        assert!(set.get(&id).is_some());
        assert_eq!(set.len(), 1);
        assert!(!set.is_empty());
        expect![[r#"
            error: unknown revision `20260101000000_nope`
            hint: `heads` and `history` list the revisions of this directory
        "#]]
        .assert_eq(&render_error(&set.find("20260101000000_nope").unwrap_err()));
    }

    /// A directory under the system temp directory, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let path = std::env::temp_dir()
                .join(format!("aludel-migrations-{}-{name}", std::process::id()));
            let _ = fs::remove_dir_all(&path);
            fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }

        fn write(&self, name: &str, content: impl AsRef<[u8]>) {
            fs::write(self.0.join(name), content).unwrap();
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// Renders a loaded directory like `check`, with paths relative to it.
    fn check_dir(dir: &TempDir, expect: Expect) {
        let rendered = match load_dir(&dir.0) {
            Ok(set) => render(&set),
            Err(e) => render_error(&e),
        };
        let prefix = format!("{}{}", dir.0.display(), std::path::MAIN_SEPARATOR);
        expect.assert_eq(&rendered.replace(&prefix, "<dir>/"));
    }

    #[test]
    fn load_dir_reads_sql_files_only() {
        let dir = TempDir::new("sql-only");
        let (_, initial) = file("20260101000000_initial", "-");
        let (_, next) = file("20260102000000_next", "20260101000000_initial");
        dir.write("20260101000000_initial.sql", initial.replace('\n', "\r\n"));
        dir.write("20260102000000_next.sql", &next);
        dir.write("README.md", "not a migration");
        dir.write(".20260103000000_swap.sql", "editor leftovers");
        fs::create_dir(dir.0.join("archive.sql")).unwrap();
        check_dir(
            &dir,
            expect![[r#"
                <dir>/20260101000000_initial.sql (1 upgrade statements)
                <dir>/20260102000000_next.sql (1 upgrade statements)
                heads: 20260102000000_next
            "#]],
        );

        // The same files from memory give the same set, line endings aside.
        let from_disk = load_dir(&dir.0).unwrap();
        let from_memory = MigrationSet::from_files([
            (
                dir.0.join("20260101000000_initial.sql"),
                initial.replace('\n', "\r\n"),
            ),
            (dir.0.join("20260102000000_next.sql"), next),
        ])
        .unwrap();
        assert_eq!(from_disk, from_memory);
        let crlf = from_disk.find("20260101000000_initial").unwrap();
        assert_eq!(crlf.checksum(), &crate::Checksum::of(&initial));
    }

    #[test]
    fn load_dir_rejects_an_uppercase_extension() {
        let dir = TempDir::new("uppercase");
        let (_, initial) = file("20260101000000_initial", "-");
        dir.write("20260101000000_initial.SQL", initial);
        check_dir(
            &dir,
            expect![[r#"
                error: <dir>/20260101000000_initial.SQL: a migration file name must end in `.sql`
                hint: name the file `<revision>.sql`, with `.sql` in lowercase
            "#]],
        );
    }

    #[test]
    fn error_not_utf8() {
        let dir = TempDir::new("not-utf8");
        dir.write(
            "20260101000000_initial.sql",
            b"-- aludel: revision 20260101000000_initial\n-- aludel: upgrade\nSELECT '\xff';\n",
        );
        check_dir(
            &dir,
            expect![[r#"
                error: <dir>/20260101000000_initial.sql:3: the file is not valid utf-8
                hint: save the file as utf-8
            "#]],
        );
    }

    #[test]
    fn error_read_file() {
        // Unreadable files are hard to make portably (root reads anything), so the message is
        // shown from a constructed error.
        let err = Error::ReadFile {
            path: PathBuf::from("migrations/20260101000000_initial.sql"),
            error: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
        };
        expect![[r#"
            error: migrations/20260101000000_initial.sql: cannot read the file: permission denied
            hint: check that the file is readable
        "#]]
        .assert_eq(&render_error(&err));
        assert!(std::error::Error::source(&err).is_none());
    }

    #[test]
    fn error_read_dir() {
        let dir = TempDir::new("missing");
        let missing = dir.0.join("nope");
        let err = load_dir(&missing).unwrap_err();
        let rendered = render_error(&err).replace(&dir.0.display().to_string(), "<dir>");
        // The io message comes from the OS; only its start is ours.
        let first = rendered.split(": No such file").next().unwrap_or_default();
        expect![[r#"error: <dir>/nope: cannot read the migrations directory"#]].assert_eq(first);
        assert!(rendered.ends_with("hint: check that the directory exists and is readable\n"));
    }
}
