//! Parsing the text of a migration file into a [`MigrationFile`]: the header directives line by
//! line, then each section's statements (`crate::split`), with an error for each way a file can
//! be wrong.

use std::path::{Path, PathBuf};

use aludel_sql::Hazard;

use super::header::{directive, split_word};
use super::{HazardLine, Migration, Section, TransactionMode, trim_blank_lines};
use crate::checksum::{Checksum, normalize_line_endings};
use crate::error::Error;
use crate::id::RevisionId;
use crate::split::{Statement, split};

/// A parsed migration file: where it came from, its checksum, its content and its statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationFile {
    path: PathBuf,
    content: String,
    checksum: Checksum,
    migration: Migration,
    parents_line: usize,
    upgrade: Vec<Statement>,
    downgrade: Vec<Statement>,
}

impl MigrationFile {
    /// The path it was read from (or the name it was given in memory).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text as read, line endings untouched.
    pub fn content(&self) -> &str {
        &self.content
    }

    pub fn checksum(&self) -> &Checksum {
        &self.checksum
    }

    pub fn migration(&self) -> &Migration {
        &self.migration
    }

    pub fn revision(&self) -> &RevisionId {
        &self.migration.revision
    }

    pub fn parents(&self) -> &[RevisionId] {
        &self.migration.parents
    }

    /// The statements of a section, each with its line in the file.
    pub fn statements(&self, section: Section) -> &[Statement] {
        match section {
            Section::Upgrade => &self.upgrade,
            Section::Downgrade => &self.downgrade,
        }
    }

    /// The line of the `parents` directive, or of the `revision` directive when there is none.
    pub(crate) fn parents_line(&self) -> usize {
        self.parents_line
    }
}

/// Parses the text of a migration file. `path` is where it came from (for errors); its file
/// name must be `<revision>.sql`.
pub fn parse(path: impl Into<PathBuf>, content: &str) -> Result<MigrationFile, Error> {
    let path = path.into();
    let Some(stem) = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.strip_suffix(".sql"))
        .map(str::to_owned)
    else {
        return Err(Error::BadFileName { path });
    };
    let normalized = normalize_line_endings(content);
    let text = normalized.strip_prefix('\u{feff}').unwrap_or(&normalized);

    let mut parser = Parser {
        path: &path,
        revision: None,
        parents: None,
        message: None,
        transaction: None,
        hazards: Vec::new(),
        upgrade: None,
        downgrade: None,
    };
    for (index, line) in text.split('\n').enumerate() {
        parser.line(index + 1, line)?;
    }
    let Parser {
        revision,
        parents,
        message,
        transaction,
        hazards,
        upgrade,
        downgrade,
        ..
    } = parser;

    let Some((revision, revision_line)) = revision else {
        return Err(Error::MissingRevision { path });
    };
    let Some(upgrade) = upgrade else {
        return Err(Error::MissingUpgrade { path });
    };
    let Some(downgrade) = downgrade else {
        return Err(Error::MissingDowngrade { path });
    };
    if revision.as_str() != stem {
        return Err(Error::RevisionMismatch {
            path,
            line: revision_line,
            revision,
            stem,
        });
    }
    let (upgrade, upgrade_statements) = upgrade.finish(&path)?;
    let (downgrade, downgrade_statements) = downgrade.finish(&path)?;
    let (parents, parents_line) = parents.unwrap_or((Vec::new(), revision_line));

    Ok(MigrationFile {
        content: content.to_owned(),
        checksum: Checksum::of(content),
        migration: Migration {
            revision,
            parents,
            message: message.map(|(m, _)| m).unwrap_or_default(),
            transaction: transaction.map(|(t, _)| t).unwrap_or_default(),
            hazards,
            upgrade,
            downgrade,
        },
        parents_line,
        upgrade: upgrade_statements,
        downgrade: downgrade_statements,
        path,
    })
}

/// Reads a file line by line; each directive that may appear once remembers its line.
struct Parser<'a> {
    path: &'a Path,
    revision: Option<(RevisionId, usize)>,
    parents: Option<(Vec<RevisionId>, usize)>,
    message: Option<(String, usize)>,
    transaction: Option<(TransactionMode, usize)>,
    hazards: Vec<HazardLine>,
    upgrade: Option<SectionLines<'a>>,
    downgrade: Option<SectionLines<'a>>,
}

/// The raw lines of a section, after its `-- aludel: <section>` line.
struct SectionLines<'a> {
    section: Section,
    marker_line: usize,
    lines: Vec<&'a str>,
}

impl SectionLines<'_> {
    fn finish(self, path: &Path) -> Result<(String, Vec<Statement>), Error> {
        let (body, leading_blank) = trim_blank_lines(&self.lines);
        let statements = split(&body, self.marker_line + 1 + leading_blank).map_err(|e| {
            Error::Unterminated {
                path: path.to_owned(),
                line: e.line,
                section: self.section,
                what: e.what,
            }
        })?;
        Ok((body, statements))
    }
}

impl<'a> Parser<'a> {
    fn line(&mut self, line_no: usize, line: &'a str) -> Result<(), Error> {
        let Some((name, value)) = directive(line) else {
            return match (&mut self.downgrade, &mut self.upgrade) {
                (Some(section), _) | (None, Some(section)) => {
                    section.lines.push(line);
                    Ok(())
                }
                (None, None) if line.trim().is_empty() || line.trim_start().starts_with("--") => {
                    Ok(())
                }
                (None, None) => Err(Error::SqlBeforeSections {
                    path: self.path.to_owned(),
                    line: line_no,
                }),
            };
        };
        let in_sections = self.upgrade.is_some() || self.downgrade.is_some();
        match name {
            "revision" | "parents" | "message" | "transaction" | "hazard" if in_sections => {
                Err(Error::DirectiveAfterSections {
                    path: self.path.to_owned(),
                    line: line_no,
                    name: name.to_owned(),
                })
            }
            "revision" => {
                self.check_once(&self.revision, line_no, name)?;
                let mut ids = value.split_whitespace();
                let (Some(id), None) = (ids.next(), ids.next()) else {
                    return Err(self.malformed(line_no, name, "it takes exactly one revision id"));
                };
                self.revision = Some((self.id(line_no, id)?, line_no));
                Ok(())
            }
            "parents" => {
                self.check_once(&self.parents, line_no, name)?;
                let mut parents: Vec<RevisionId> = Vec::new();
                for id in value.split_whitespace() {
                    let id = self.id(line_no, id)?;
                    if parents.contains(&id) {
                        return Err(Error::DuplicateParent {
                            path: self.path.to_owned(),
                            line: line_no,
                            parent: id,
                        });
                    }
                    parents.push(id);
                }
                self.parents = Some((parents, line_no));
                Ok(())
            }
            "message" => {
                self.check_once(&self.message, line_no, name)?;
                self.message = Some((value.to_owned(), line_no));
                Ok(())
            }
            "transaction" => {
                self.check_once(&self.transaction, line_no, name)?;
                let Some(mode) = TransactionMode::parse(value) else {
                    return Err(Error::UnknownTransactionMode {
                        path: self.path.to_owned(),
                        line: line_no,
                        value: value.to_owned(),
                    });
                };
                self.transaction = Some((mode, line_no));
                Ok(())
            }
            "hazard" => {
                let (code, object) = split_word(value);
                if code.is_empty() {
                    return Err(self.malformed(
                        line_no,
                        name,
                        "it takes a hazard code and the object it concerns",
                    ));
                }
                let Some(kind) = Hazard::from_code(code) else {
                    return Err(Error::UnknownHazard {
                        path: self.path.to_owned(),
                        line: line_no,
                        code: code.to_owned(),
                    });
                };
                self.hazards.push(HazardLine::new(kind, object));
                Ok(())
            }
            "upgrade" | "downgrade" => {
                if !value.is_empty() {
                    return Err(self.malformed(line_no, name, "it takes no value"));
                }
                let section = if name == "upgrade" {
                    Section::Upgrade
                } else {
                    Section::Downgrade
                };
                self.start_section(section, line_no)
            }
            _ => Err(Error::UnknownDirective {
                path: self.path.to_owned(),
                line: line_no,
                name: name.to_owned(),
            }),
        }
    }

    fn start_section(&mut self, section: Section, line_no: usize) -> Result<(), Error> {
        let slot = match section {
            Section::Upgrade => &self.upgrade,
            Section::Downgrade => &self.downgrade,
        };
        if let Some(first) = slot {
            return Err(Error::DuplicateDirective {
                path: self.path.to_owned(),
                line: line_no,
                first_line: first.marker_line,
                name: section.as_str().to_owned(),
            });
        }
        if section == Section::Downgrade && self.upgrade.is_none() {
            return Err(Error::SectionOrder {
                path: self.path.to_owned(),
                line: line_no,
            });
        }
        let lines = SectionLines {
            section,
            marker_line: line_no,
            lines: Vec::new(),
        };
        match section {
            Section::Upgrade => self.upgrade = Some(lines),
            Section::Downgrade => self.downgrade = Some(lines),
        }
        Ok(())
    }

    fn check_once<T>(
        &self,
        slot: &Option<(T, usize)>,
        line_no: usize,
        name: &str,
    ) -> Result<(), Error> {
        match slot {
            Some((_, first_line)) => Err(Error::DuplicateDirective {
                path: self.path.to_owned(),
                line: line_no,
                first_line: *first_line,
                name: name.to_owned(),
            }),
            None => Ok(()),
        }
    }

    fn id(&self, line_no: usize, id: &str) -> Result<RevisionId, Error> {
        RevisionId::parse(id).map_err(|error| Error::MalformedId {
            path: self.path.to_owned(),
            line: line_no,
            error,
        })
    }

    fn malformed(&self, line_no: usize, name: &str, reason: &'static str) -> Error {
        Error::MalformedDirective {
            path: self.path.to_owned(),
            line: line_no,
            name: name.to_owned(),
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use expect_test::{Expect, expect};

    use super::*;

    /// Parses `content` as the file `name` and renders its migration and statements, or the
    /// error with its hint.
    fn check(name: &str, content: &str, expect: Expect) {
        let rendered = match parse(name, content) {
            Ok(file) => render(&file),
            Err(e) => render_error(&e),
        };
        expect.assert_eq(&rendered);
    }

    fn render(file: &MigrationFile) -> String {
        let m = file.migration();
        let mut out = String::new();
        let parents: Vec<&str> = m.parents().iter().map(RevisionId::as_str).collect();
        let _ = writeln!(out, "revision: {}", m.revision());
        let _ = writeln!(out, "parents: [{}]", parents.join(", "));
        let _ = writeln!(out, "message: {:?}", m.message());
        let _ = writeln!(out, "transaction: {}", m.transaction());
        for hazard in m.hazards() {
            let _ = writeln!(out, "hazard: {} {:?}", hazard.hazard(), hazard.object());
        }
        for section in [Section::Upgrade, Section::Downgrade] {
            let _ = writeln!(out, "{section}:");
            for s in file.statements(section) {
                let _ = writeln!(out, "  line {}: {}", s.line, s.sql.replace('\n', "⏎"));
            }
        }
        out
    }

    fn render_error(e: &Error) -> String {
        match e.hint() {
            Some(hint) => format!("error: {e}\nhint: {hint}\n"),
            None => format!("error: {e}\n"),
        }
    }

    fn id(s: &str) -> RevisionId {
        RevisionId::parse(s).unwrap()
    }

    const NAME: &str = "20261121120501_add_agents.sql";

    #[test]
    fn parses_the_example_of_the_design() {
        check(
            NAME,
            "\
-- aludel: revision 20261121120501_add_agents
-- aludel: parents 20261120093000_initial
-- aludel: message add agents table
-- aludel: transaction per-migration
-- aludel: hazard data-loss public.agents.legacy_flag

-- aludel: upgrade
CREATE TYPE public.connection_type AS ENUM ('POWERBI', 'DB');
-- hazard: data-loss public.agents.legacy_flag
ALTER TABLE public.agents DROP COLUMN legacy_flag;

-- aludel: downgrade
ALTER TABLE public.agents ADD COLUMN legacy_flag boolean;
DROP TYPE public.connection_type;
",
            expect![[r#"
                revision: 20261121120501_add_agents
                parents: [20261120093000_initial]
                message: "add agents table"
                transaction: per-migration
                hazard: data-loss "public.agents.legacy_flag"
                upgrade:
                  line 8: CREATE TYPE public.connection_type AS ENUM ('POWERBI', 'DB')
                  line 10: -- hazard: data-loss public.agents.legacy_flag⏎ALTER TABLE public.agents DROP COLUMN legacy_flag
                downgrade:
                  line 13: ALTER TABLE public.agents ADD COLUMN legacy_flag boolean
                  line 14: DROP TYPE public.connection_type
            "#]],
        );
    }

    #[test]
    fn first_revision_merge_and_defaults() {
        check(
            "20260101000000_initial.sql",
            "-- aludel: revision 20260101000000_initial\n-- aludel: upgrade\n-- aludel: downgrade\n",
            expect![[r#"
                revision: 20260101000000_initial
                parents: []
                message: ""
                transaction: per-migration
                upgrade:
                downgrade:
            "#]],
        );
        check(
            "20260103000000_merge.sql",
            "-- aludel: revision 20260103000000_merge\n-- aludel: parents 20260102000000_b 20260102000000_a\n-- aludel: transaction none\n-- aludel: hazard blocks-writes\n-- aludel: hazard may-fail-on-existing-rows public.t CHECK (x > 0)\n-- aludel: upgrade\n-- aludel: downgrade",
            expect![[r#"
                revision: 20260103000000_merge
                parents: [20260102000000_b, 20260102000000_a]
                message: ""
                transaction: none
                hazard: blocks-writes ""
                hazard: may-fail-on-existing-rows "public.t CHECK (x > 0)"
                upgrade:
                downgrade:
            "#]],
        );
    }

    #[test]
    fn header_comments_crlf_bom_and_loose_spacing() {
        check(
            NAME,
            "\u{feff}-- generated by hand\r\n\r\n--aludel:revision   20261121120501_add_agents  \r\n  -- aludel: message   two  spaces kept \r\n-- aludel: upgrade\r\n\r\n\r\nSELECT 1;\r\n\r\n-- aludel: downgrade\r\nSELECT 2;\r\n",
            expect![[r#"
                revision: 20261121120501_add_agents
                parents: []
                message: "two  spaces kept"
                transaction: per-migration
                upgrade:
                  line 8: SELECT 1
                downgrade:
                  line 11: SELECT 2
            "#]],
        );
    }

    #[test]
    fn statement_lines_count_from_the_top_of_the_file() {
        let content = "-- aludel: revision 20261121120501_add_agents\n\n-- aludel: upgrade\n\n-- first\nCREATE TABLE t (\n  a int\n);\nCREATE INDEX i ON t (a);\n-- aludel: downgrade\nDROP TABLE t;\n";
        let file = parse(NAME, content).unwrap();
        let lines =
            |section| -> Vec<usize> { file.statements(section).iter().map(|s| s.line).collect() };
        assert_eq!(lines(Section::Upgrade), [6, 9]);
        assert_eq!(lines(Section::Downgrade), [11]);
        // The line really is the statement's: it holds its first token.
        let text: Vec<&str> = content.lines().collect();
        assert!(text[5].starts_with("CREATE TABLE"));
        assert!(text[8].starts_with("CREATE INDEX"));
    }

    #[test]
    fn the_path_is_kept_and_the_content_is_untouched() {
        let content = "-- aludel: revision 20261121120501_add_agents\r\n-- aludel: upgrade\r\n-- aludel: downgrade\r\n";
        let file = parse(format!("migrations/{NAME}"), content).unwrap();
        assert_eq!(
            file.path(),
            Path::new("migrations/20261121120501_add_agents.sql")
        );
        assert_eq!(file.content(), content);
        assert_eq!(file.checksum(), &Checksum::of(&content.replace('\r', "")));
    }

    // One test per error kind, showing the rendered error line and hint.

    #[test]
    fn error_bad_file_name() {
        check(
            "20261121120501_add_agents.SQL",
            "",
            expect![[r#"
                error: 20261121120501_add_agents.SQL: a migration file name must end in `.sql`
                hint: name the file `<revision>.sql`, with `.sql` in lowercase
            "#]],
        );
    }

    #[test]
    fn error_unknown_directive() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: author me\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: unknown directive `-- aludel: author`
                hint: known directives are revision, parents, message, transaction, hazard, upgrade and downgrade; write `--` without `aludel:` for a plain comment
            "#]],
        );
    }

    #[test]
    fn error_unknown_directive_inside_a_section() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\n-- aludel: upgrades\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:3: unknown directive `-- aludel: upgrades`
                hint: known directives are revision, parents, message, transaction, hazard, upgrade and downgrade; write `--` without `aludel:` for a plain comment
            "#]],
        );
    }

    #[test]
    fn error_malformed_directive() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents 20261121120501_other\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:1: malformed directive `-- aludel: revision`: it takes exactly one revision id
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:1: malformed directive `-- aludel: revision`: it takes exactly one revision id
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: hazard\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: malformed directive `-- aludel: hazard`: it takes a hazard code and the object it concerns
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade now\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: malformed directive `-- aludel: upgrade`: it takes no value
            "#]],
        );
    }

    #[test]
    fn error_duplicate_directive() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: message a\n-- aludel: message b\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:3: directive `message` given twice, first on line 2
                hint: remove one of them
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: parents 20261120000000_a\n-- aludel: parents 20261120000000_b\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:3: directive `parents` given twice, first on line 2
                hint: list every parent on one `-- aludel: parents` line
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\nSELECT 1;\n-- aludel: downgrade\n-- aludel: downgrade\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:5: directive `downgrade` given twice, first on line 4
                hint: remove one of them
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\n-- aludel: upgrade\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:3: directive `upgrade` given twice, first on line 2
                hint: remove one of them
            "#]],
        );
    }

    #[test]
    fn error_directive_after_sections_start() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\nDROP TABLE t;\n-- aludel: hazard data-loss public.t\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:4: directive `hazard` after the sections start
                hint: move it to the header, above `-- aludel: upgrade`
            "#]],
        );
    }

    #[test]
    fn error_sql_before_sections() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n\nCREATE TABLE t ();\n-- aludel: upgrade\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:3: sql before the upgrade section
                hint: put statements below `-- aludel: upgrade` or `-- aludel: downgrade`
            "#]],
        );
    }

    #[test]
    fn error_section_order() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: downgrade\n-- aludel: upgrade\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: the downgrade section comes before the upgrade section
                hint: put `-- aludel: upgrade` and its statements first
            "#]],
        );
    }

    #[test]
    fn error_missing_revision() {
        check(
            NAME,
            "-- aludel: upgrade\n-- aludel: downgrade\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql: no `-- aludel: revision` directive
                hint: add `-- aludel: revision 20261121120501_add_agents` as the first line
            "#]],
        );
    }

    #[test]
    fn error_missing_upgrade() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: message no sections\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql: no upgrade section
                hint: add a line `-- aludel: upgrade` above the statements that apply the revision
            "#]],
        );
        check(
            NAME,
            "",
            expect![[r#"
                error: 20261121120501_add_agents.sql: no `-- aludel: revision` directive
                hint: add `-- aludel: revision 20261121120501_add_agents` as the first line
            "#]],
        );
    }

    #[test]
    fn error_missing_downgrade() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\nSELECT 1;\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql: no downgrade section
                hint: add a line `-- aludel: downgrade` after the upgrade statements (the section may be empty)
            "#]],
        );
    }

    #[test]
    fn error_malformed_id() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: parents 20261120093000_initial 2026_oops\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: malformed revision id `2026_oops`: it must start with a 14-digit utc timestamp (yyyymmddHHMMSS)
                hint: revision ids look like `20261121120501_add_agents_table`
            "#]],
        );
        check(
            "add_agents.sql",
            "-- aludel: revision add_agents\n",
            expect![[r#"
                error: add_agents.sql:1: malformed revision id `add_agents`: it must start with a 14-digit utc timestamp (yyyymmddHHMMSS)
                hint: revision ids look like `20261121120501_add_agents_table`
            "#]],
        );
    }

    #[test]
    fn error_revision_and_file_name_disagree() {
        check(
            NAME,
            "-- aludel: message copied\n-- aludel: revision 20261121120501_add_agent\n-- aludel: upgrade\n-- aludel: downgrade\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: revision `20261121120501_add_agent` does not match the file name `20261121120501_add_agents.sql`
                hint: rename the file to `20261121120501_add_agent.sql`, or fix the directive; the file name is the revision id
            "#]],
        );
    }

    #[test]
    fn error_unknown_transaction_mode() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: transaction off\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: unknown transaction mode `off`
                hint: write `per-migration` or `none`
            "#]],
        );
    }

    #[test]
    fn error_unknown_hazard() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: hazard dataloss public.t\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: unknown hazard code `dataloss`
                hint: known codes are data-loss, rewrites-table, blocks-writes and may-fail-on-existing-rows
            "#]],
        );
    }

    #[test]
    fn error_duplicate_parent() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: parents 20261120000000_a 20261120000000_a\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:2: parent `20261120000000_a` is listed twice
                hint: list each parent once
            "#]],
        );
    }

    #[test]
    fn error_unterminated() {
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\nSELECT 1;\nCREATE FUNCTION f() RETURNS int AS $body$\nSELECT 1;\n$$ LANGUAGE sql;\n\n-- aludel: downgrade\nDROP FUNCTION f();\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:4: unterminated dollar-quoted string `$body$` in the upgrade section
                hint: close the body with `$body$`
            "#]],
        );
        check(
            NAME,
            "-- aludel: revision 20261121120501_add_agents\n-- aludel: upgrade\n-- aludel: downgrade\n\n\nSELECT 'oops;\n",
            expect![[r#"
                error: 20261121120501_add_agents.sql:6: unterminated string literal in the downgrade section
                hint: close it; a `;` inside it does not end a statement
            "#]],
        );
    }

    #[test]
    fn error_directive_in_a_section_body() {
        let m = Migration::new(id("20261121120501_add_agents"), [], "x");
        let err = m
            .with_downgrade("SELECT 1;\n-- aludel: upgrade\n")
            .unwrap_err();
        expect![[r#"
            error: line 2 of the downgrade sql is an aludel directive
            hint: directives belong in the header; write `--` without `aludel:` for a comment
        "#]]
        .assert_eq(&render_error(&err));
    }
}
