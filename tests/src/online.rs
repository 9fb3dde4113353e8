//! What `--online` must look like: for every change that has a lock-friendly form, the rendered
//! online statements really use it (`CREATE/DROP INDEX CONCURRENTLY` outside a transaction,
//! checks and foreign keys added `NOT VALID` then validated on their own, uniques and primary
//! keys attached `USING INDEX` of an index built concurrently, `SET NOT NULL` after a validated
//! `IS NOT NULL` check), so that a silent fallback to the normal forms fails a test. Judged from
//! the change list and the statement text, not from the renderer's own code.

use aludel_render::Statement;
use aludel_schema::{Change, Constraint};

/// Every way `stmts` (the online rendering of `changes`) misses an online form, one per line;
/// `Ok` when there is none.
pub fn check(changes: &[Change], stmts: &[Statement]) -> Result<(), String> {
    let mut missing = Vec::new();
    for c in changes {
        match c {
            Change::CreateIndex { index, .. } => {
                let name = format!("CONCURRENTLY {} ON ", index.name);
                if find(stmts, true, |s| {
                    s.starts_with("CREATE ") && s.contains(&name)
                })
                .is_none()
                {
                    missing.push(format!(
                        "index {} is not created CONCURRENTLY outside a transaction",
                        index.name
                    ));
                }
            }
            Change::DropIndex { table, index } => {
                let q = aludel_schema::QualifiedName::new(table.schema.clone(), index.name.clone());
                let want = format!("DROP INDEX CONCURRENTLY {q}");
                if find(stmts, true, |s| s == want).is_none() {
                    missing.push(format!(
                        "index {q} is not dropped CONCURRENTLY outside a transaction"
                    ));
                }
            }
            Change::AddConstraint { constraint, .. } => {
                let name = constraint.name();
                let add = format!(" ADD CONSTRAINT {name} ");
                let validate = format!(" VALIDATE CONSTRAINT {name}");
                match constraint {
                    Constraint::Check(_) | Constraint::ForeignKey(_) if constraint.is_valid() => {
                        let added = find(stmts, false, |s| {
                            s.contains(&add) && s.ends_with(" NOT VALID")
                        });
                        let validated = find(stmts, true, |s| s.ends_with(&validate));
                        match (added, validated) {
                            (Some(a), Some(v)) if a < v => {}
                            _ => missing.push(format!(
                                "constraint {name} is not added NOT VALID and then validated on its own"
                            )),
                        }
                    }
                    Constraint::PrimaryKey(p) if p.include.is_empty() => {
                        using_index(name, &add, stmts, &mut missing)
                    }
                    Constraint::Unique(u) if u.include.is_empty() => {
                        using_index(name, &add, stmts, &mut missing)
                    }
                    _ => {}
                }
            }
            Change::ValidateConstraint { constraint, .. } => {
                let validate = format!(" VALIDATE CONSTRAINT {}", constraint.name());
                if find(stmts, true, |s| s.ends_with(&validate)).is_none() {
                    missing.push(format!(
                        "constraint {} is not validated outside the transaction",
                        constraint.name()
                    ));
                }
            }
            Change::SetNotNull { table, column } => {
                let alter = format!("ALTER TABLE {table} ");
                let check = format!(" CHECK ({column} IS NOT NULL) NOT VALID");
                let set = format!("ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL");
                let added = stmts.iter().position(|s| {
                    s.transactional && s.sql.starts_with(&alter) && s.sql.ends_with(&check)
                });
                // the check's name, as added: `… ADD CONSTRAINT <name> CHECK (…`
                let name = added.and_then(|i| {
                    let s = &stmts[i].sql;
                    let rest = &s[s.find(" ADD CONSTRAINT ")? + 16..];
                    Some(rest[..rest.find(" CHECK (")?].to_owned())
                });
                let validated = name.as_ref().and_then(|n| {
                    let v = format!("{alter}VALIDATE CONSTRAINT {n}");
                    stmts.iter().position(|s| !s.transactional && s.sql == v)
                });
                let set_at = stmts.iter().position(|s| s.transactional && s.sql == set);
                match (added, validated, set_at) {
                    (Some(a), Some(v), Some(s)) if a < v && v < s => {}
                    _ => missing.push(format!(
                        "{table}.{column}: SET NOT NULL does not follow a NOT VALID check validated on its own"
                    )),
                }
            }
            _ => {}
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the online script falls back to lock-heavy forms:\n  {}",
            missing.join("\n  ")
        ))
    }
}

/// The first statement matching `f`, outside (`alone`) or inside a transaction.
fn find(stmts: &[Statement], alone: bool, f: impl Fn(&str) -> bool) -> Option<usize> {
    stmts
        .iter()
        .position(|s| s.transactional != alone && f(&s.sql))
}

/// A primary key or unique constraint from an index built concurrently.
fn using_index(
    name: &aludel_schema::Ident,
    add: &str,
    stmts: &[Statement],
    missing: &mut Vec<String>,
) {
    let built = format!("CREATE UNIQUE INDEX CONCURRENTLY {name} ON ");
    let using = format!(" USING INDEX {name}");
    let index = find(stmts, true, |s| s.starts_with(&built));
    let attached = find(stmts, false, |s| s.contains(add) && s.contains(&using));
    match (index, attached) {
        (Some(i), Some(a)) if i < a => {}
        _ => missing.push(format!(
            "constraint {name} is not attached USING INDEX of an index built CONCURRENTLY"
        )),
    }
}

/// The online forms a script uses, as counted in golden snapshots: `CONCURRENTLY`,
/// `NOT VALID` + `VALIDATE CONSTRAINT`, and `SET NOT NULL` through a check.
pub fn forms(script: &str) -> (bool, bool, bool) {
    let concurrently = script.contains(" CONCURRENTLY ");
    let validate = script.contains(" NOT VALID;") && script.contains(" VALIDATE CONSTRAINT ");
    let not_null = script.contains(" IS NOT NULL) NOT VALID;") && script.contains(" SET NOT NULL;");
    (concurrently, validate, not_null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aludel_schema::{Check, Expr, Ident, QualifiedName};

    fn st(sql: &str, transactional: bool) -> Statement {
        Statement {
            sql: sql.into(),
            transactional,
            hazards: vec![],
            rebuilt: None,
        }
    }

    #[test]
    fn a_fallback_to_the_normal_forms_is_reported() {
        let t = QualifiedName::new("public", "t");
        let constraint = Constraint::Check(Check {
            name: Ident::new("t_a_check"),
            expr: Expr::new("(a > 0)"),
            no_inherit: false,
            valid: true,
        });
        let changes = [
            Change::AddConstraint {
                table: t.clone(),
                constraint,
            },
            Change::SetNotNull {
                table: t.clone(),
                column: Ident::new("a"),
            },
        ];
        let online = [
            st(
                "ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK ((a > 0)) NOT VALID",
                true,
            ),
            st("ALTER TABLE public.t VALIDATE CONSTRAINT t_a_check", false),
            st(
                "ALTER TABLE public.t ADD CONSTRAINT t_a_not_null CHECK (a IS NOT NULL) NOT VALID",
                true,
            ),
            st(
                "ALTER TABLE public.t VALIDATE CONSTRAINT t_a_not_null",
                false,
            ),
            st("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL", true),
            st("ALTER TABLE public.t DROP CONSTRAINT t_a_not_null", true),
        ];
        check(&changes, &online).unwrap();
        let normal = [
            st(
                "ALTER TABLE public.t ADD CONSTRAINT t_a_check CHECK ((a > 0))",
                true,
            ),
            st("ALTER TABLE public.t ALTER COLUMN a SET NOT NULL", true),
        ];
        let e = check(&changes, &normal).unwrap_err();
        assert!(e.contains("t_a_check is not added NOT VALID"), "{e}");
        assert!(e.contains("SET NOT NULL does not follow"), "{e}");
        // validated inside the transaction is no better
        let mut in_tx = online.clone();
        in_tx[1].transactional = true;
        assert!(check(&changes, &in_tx).is_err());
    }
}
