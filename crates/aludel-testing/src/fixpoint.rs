//! Creating the models' DDL together with declared SQL, whose order nobody wrote down: every
//! statement in one transaction, each under a savepoint, retried while the others make progress
//! when it names an object that does not exist yet; anything else rolls everything back.

use aludel_render::Statement;
use sqlx::postgres::{PgConnection, PgDatabaseError, PgErrorPosition};

use crate::declared::{DeclaredKind, DeclaredStatement};
use crate::{Error, exec};

/// SQLSTATEs of "the object it names does not exist (yet)": undefined_table, undefined_function,
/// undefined_object, invalid_schema_name, undefined_column.
const NOT_YET: [&str; 5] = ["42P01", "42883", "42704", "3F000", "42703"];

enum Item<'a> {
    Rendered(&'a Statement),
    Declared(&'a DeclaredStatement),
}

impl Item<'_> {
    fn sql(&self) -> &str {
        match self {
            Item::Rendered(st) => &st.sql,
            Item::Declared(st) => &st.sql,
        }
    }
}

/// A refusal: the SQLSTATE, the message, and the error's character position in the statement.
struct Refusal {
    code: Option<String>,
    message: String,
    position: Option<usize>,
}

/// Runs the declared functions, then `rendered`, then the other declared statements, to a
/// fixpoint, in one transaction with `check_function_bodies` on. Returns what ran, in order.
pub(crate) async fn run(
    conn: &mut PgConnection,
    rendered: &[Statement],
    declared: &[DeclaredStatement],
) -> Result<Vec<Statement>, Error> {
    let is_function = |d: &&DeclaredStatement| {
        d.object
            .as_ref()
            .is_some_and(|o| o.kind == DeclaredKind::Function)
    };
    let mut pending: Vec<(Item<'_>, Option<Refusal>)> = declared
        .iter()
        .filter(is_function)
        .map(Item::Declared)
        .chain(rendered.iter().map(Item::Rendered))
        .chain(
            declared
                .iter()
                .filter(|d| !is_function(d))
                .map(Item::Declared),
        )
        .map(|item| (item, None))
        .collect();

    exec::control(conn, "BEGIN").await?;
    let outcome = passes(conn, &mut pending).await;
    match outcome {
        Ok(ran) => {
            exec::control(conn, "COMMIT").await?;
            Ok(ran)
        }
        Err(e) => {
            let _ = exec::control(conn, "ROLLBACK").await;
            Err(e)
        }
    }
}

async fn passes(
    conn: &mut PgConnection,
    pending: &mut Vec<(Item<'_>, Option<Refusal>)>,
) -> Result<Vec<Statement>, Error> {
    exec::control(conn, "SET LOCAL check_function_bodies = on").await?;
    let mut ran = Vec::new();
    while !pending.is_empty() {
        let mut progress = false;
        let mut still = Vec::new();
        for (item, _) in pending.drain(..) {
            exec::control(conn, "SAVEPOINT aludel_declared").await?;
            match attempt(conn, item.sql()).await {
                Ok(()) => {
                    exec::control(conn, "RELEASE SAVEPOINT aludel_declared").await?;
                    progress = true;
                    ran.push(match item {
                        Item::Rendered(st) => st.clone(),
                        Item::Declared(d) => Statement {
                            sql: d.sql.clone(),
                            transactional: true,
                            hazards: Vec::new(),
                            rebuilt: None,
                        },
                    });
                }
                Err(refusal) => {
                    exec::control(conn, "ROLLBACK TO SAVEPOINT aludel_declared").await?;
                    let not_yet = refusal
                        .code
                        .as_deref()
                        .is_some_and(|c| NOT_YET.contains(&c));
                    if !not_yet {
                        return Err(failure(&item, refusal));
                    }
                    still.push((item, Some(refusal)));
                }
            }
        }
        if !progress {
            // nothing else can create what the first of them names: report that one
            if let Some((item, Some(refusal))) = still.into_iter().next() {
                return Err(failure(&item, refusal));
            }
            break;
        }
        *pending = still;
    }
    Ok(ran)
}

async fn attempt(conn: &mut PgConnection, sql: &str) -> Result<(), Refusal> {
    match sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *conn)
        .await
    {
        Ok(_) => Ok(()),
        Err(e) => {
            let (code, position) = match &e {
                sqlx::Error::Database(db) => (
                    db.code().map(|c| c.into_owned()),
                    db.try_downcast_ref::<PgDatabaseError>()
                        .and_then(PgDatabaseError::position)
                        .and_then(|p| match p {
                            PgErrorPosition::Original(at) => Some(at),
                            PgErrorPosition::Internal { .. } => None,
                        }),
                ),
                _ => (None, None),
            };
            Err(Refusal {
                code,
                message: aludel_pg::server_message(&e),
                position,
            })
        }
    }
}

fn failure(item: &Item<'_>, refusal: Refusal) -> Error {
    match item {
        Item::Rendered(st) => Error::Statement {
            sql: st.sql.clone(),
            message: refusal.message,
        },
        Item::Declared(d) => Error::Declared {
            origin: d.origin.clone(),
            line: d.line,
            at: refusal.position.map(|p| d.line_of(p)),
            statement: d.first_line(),
            message: refusal.message,
            code: refusal.code,
        },
    }
}
