//! Writing a [`Migration`] as the text of its file, in canonical form (what [`parse`] reads back
//! to the same value).
//!
//! [`parse`]: super::parse()

use std::fmt::{self, Write as _};

use super::{Migration, Section};

impl Migration {
    /// The file's text, in canonical form.
    pub fn write(&self) -> String {
        let mut out = String::new();
        let _ = self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut String) -> fmt::Result {
        writeln!(out, "-- aludel: revision {}", self.revision)?;
        if !self.parents.is_empty() {
            out.push_str("-- aludel: parents");
            for parent in &self.parents {
                write!(out, " {parent}")?;
            }
            out.push('\n');
        }
        if !self.message.is_empty() {
            writeln!(out, "-- aludel: message {}", self.message)?;
        }
        writeln!(out, "-- aludel: transaction {}", self.transaction)?;
        for hazard in &self.hazards {
            write!(out, "-- aludel: hazard {}", hazard.hazard)?;
            if !hazard.object.is_empty() {
                write!(out, " {}", hazard.object)?;
            }
            out.push('\n');
        }
        for section in [Section::Upgrade, Section::Downgrade] {
            writeln!(out, "\n-- aludel: {section}")?;
            let body = self.section(section);
            if !body.is_empty() {
                writeln!(out, "{body}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use aludel_sql::Hazard;
    use expect_test::expect;

    use super::super::{HazardLine, TransactionMode, parse};
    use super::*;
    use crate::RevisionId;

    fn id(s: &str) -> RevisionId {
        RevisionId::parse(s).unwrap()
    }

    fn example() -> Migration {
        Migration::new(
            id("20261121120501_add_agents"),
            [
                id("20261120093000_initial"),
                id("20261120100000_other"),
                id("20261120093000_initial"),
            ],
            "add agents\ntable ",
        )
        .with_transaction(TransactionMode::None)
        .with_hazard(HazardLine::new(Hazard::DataLoss, " public.agents.legacy_flag\n"))
        .with_hazard(HazardLine::new(Hazard::RewritesTable, ""))
        .with_upgrade(
            "\r\n\n  \nCREATE INDEX CONCURRENTLY i ON public.agents (name);\r\n\n-- hazard: data-loss public.agents.legacy_flag\nALTER TABLE public.agents DROP COLUMN legacy_flag;\n\n\n",
        )
        .unwrap()
        .with_downgrade("ALTER TABLE public.agents ADD COLUMN legacy_flag boolean;")
        .unwrap()
    }

    #[test]
    fn writes_the_canonical_form() {
        let m = example();
        assert_eq!(m.file_name(), "20261121120501_add_agents.sql");
        expect![[r#"
            -- aludel: revision 20261121120501_add_agents
            -- aludel: parents 20261120093000_initial 20261120100000_other
            -- aludel: message add agents table
            -- aludel: transaction none
            -- aludel: hazard data-loss public.agents.legacy_flag
            -- aludel: hazard rewrites-table

            -- aludel: upgrade
            CREATE INDEX CONCURRENTLY i ON public.agents (name);

            -- hazard: data-loss public.agents.legacy_flag
            ALTER TABLE public.agents DROP COLUMN legacy_flag;

            -- aludel: downgrade
            ALTER TABLE public.agents ADD COLUMN legacy_flag boolean;
        "#]]
        .assert_eq(&m.write());
    }

    #[test]
    fn writes_an_empty_first_revision() {
        let m = Migration::new(id("20260101000000_initial"), [], "");
        expect![[r#"
            -- aludel: revision 20260101000000_initial
            -- aludel: transaction per-migration

            -- aludel: upgrade

            -- aludel: downgrade
        "#]]
        .assert_eq(&m.write());
    }

    #[test]
    fn write_then_parse_round_trips() {
        let cases = [
            example(),
            Migration::new(id("20260101000000_initial"), [], ""),
            Migration::new(id("20260101000000_initial"), [], "   "),
            Migration::new(
                id("20260102000000_merge"),
                [id("20260101000000_b"), id("20260101000000_a")],
                "merge",
            )
            .with_upgrade("-- only a comment")
            .unwrap(),
            Migration::new(id("20260101000000_initial"), [], "x")
                .with_upgrade("  SELECT 1;  \n\n\n  SELECT $$\n\n$$;\t")
                .unwrap()
                .with_hazard(HazardLine::new(Hazard::BlocksWrites, "\"a  b\".c")),
        ];
        for m in cases {
            let text = m.write();
            let file = parse(m.file_name(), &text).unwrap();
            assert_eq!(file.migration(), &m, "{text}");
            assert_eq!(file.migration().write(), text);
        }
    }
}
