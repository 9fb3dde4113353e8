//! Test databases straight from the models: [`create_all`] creates every object a schema
//! declares (the models' and the declared SQL's), in dependency order, and [`drop_all`] removes
//! exactly those objects again.
//!
//! ```no_run
//! # async fn demo(schema: &aludel_schema::Schema) -> Result<(), aludel_testing::Error> {
//! aludel_testing::create_all("postgres://postgres@localhost/app_test", schema).await?;
//! // ... the test ...
//! aludel_testing::drop_all("postgres://postgres@localhost/app_test", schema).await?;
//! # Ok(())
//! # }
//! ```
//!
//! The statements are those autogen would write for a first migration:
//! `aludel_diff::diff(existing, schema)` rendered by `aludel_render::render`. Runs of
//! transactional statements each share one transaction; a statement that cannot run in a
//! transaction runs on its own. Call these outside any transaction of your own.
//!
//! Declared SQL (`Schema::declared_sql`: views, functions, triggers as text) comes in no
//! particular order, so with it everything runs in one transaction as a fixpoint: the declared
//! functions, the models' statements, then the other declared statements, each under a
//! savepoint; one that names an object that does not exist yet is tried again once the others
//! made progress. Function bodies are checked (`check_function_bodies = on`). A statement that
//! fails otherwise, or still fails when nothing else can run, is an [`Error::Declared`] naming
//! its source, line and statement, and nothing is written.

mod declared;
mod error;
mod exec;
mod fixpoint;
mod target;

use aludel_introspect::Options as IntrospectOptions;
use aludel_render::Statement;
use aludel_schema::{Ident, Schema};

pub use declared::{DeclaredKind, DeclaredObject, DeclaredStatement, statements};
pub use error::Error;
pub use target::Target;

/// A declaration that can be created: the IR [`Schema`] itself, or the facade's `aludel::Schema`
/// (which implements this trait when its `testing` feature is on).
pub trait Declared {
    /// The objects to create or drop.
    fn ir(&self) -> &Schema;
}

impl Declared for Schema {
    fn ir(&self) -> &Schema {
        self
    }
}

/// Creates every schema, extension, enum type, sequence, table, constraint, index and comment
/// of `schema`, in dependency order (tables in a foreign-key cycle first, their keys after),
/// and the declared SQL (see the crate documentation).
/// Schemas and extensions that already exist are left as they are (`public` always does); any
/// other object that already exists is an error from the server.
///
/// Returns the statements it ran.
pub async fn create_all<'a, D: Declared + ?Sized>(
    target: impl Into<Target<'a>>,
    schema: &D,
) -> Result<Vec<Statement>, Error> {
    let schema = schema.ir();
    let mut held = target.into().open().await?;
    let conn = held.conn();
    let existing = exec::existing_containers(conn, schema).await?;
    let statements = plan_create(&existing, schema)?;
    if schema.declared_sql.is_empty() {
        exec::run(conn, &statements).await?;
        return Ok(statements);
    }
    let declared = declared::statements(&schema.declared_sql)?;
    fixpoint::run(conn, &statements, &declared).await
}

/// The statements [`create_all`] runs on a database where the schemas and extensions of
/// `existing` already exist.
pub fn plan_create(existing: &Schema, schema: &Schema) -> Result<Vec<Statement>, Error> {
    let (changes, _diagnostics) = aludel_diff::diff(existing, schema)?;
    Ok(aludel_render::render(
        &changes,
        &aludel_render::Options::default(),
    ))
}

/// Removes what [`create_all`] created: the views, triggers and functions its declared SQL
/// creates (functions by name: every overload of a declared name), the tables, enum types and
/// standalone sequences of `schema` that exist in the database (an error from the server if an object of someone else
/// still depends on one of them), then its extensions and schemas unless something else still
/// uses them. `public` is never dropped; objects `schema` does not declare are left alone.
///
/// Returns the statements it ran.
pub async fn drop_all<'a, D: Declared + ?Sized>(
    target: impl Into<Target<'a>>,
    schema: &D,
) -> Result<Vec<Statement>, Error> {
    let schema = schema.ir();
    let mut held = target.into().open().await?;
    let conn = held.conn();
    let live = aludel_introspect::introspect(
        conn,
        &IntrospectOptions {
            version_table: None,
            ..IntrospectOptions::default()
        },
    )
    .await?
    .schema;
    let (statements, containers) = plan_drop(&live, schema)?;
    exec::run(conn, &statements).await?;
    let mut ran = statements;
    ran.extend(exec::drop_if_unused(conn, &containers).await?);
    Ok(ran)
}

/// What [`drop_all`] drops on a database whose catalog reads as `live`: the statements that drop
/// the declared tables, enum types and sequences that exist (in dependency order), and the
/// declared extensions and schemas to drop afterwards when nothing else uses them.
pub fn plan_drop(live: &Schema, schema: &Schema) -> Result<(Vec<Statement>, Containers), Error> {
    // `current` is the part of the live database the schema declares, as it really is (with
    // its real constraints); `target` is that minus the objects to drop.
    let mut current = Schema::new();
    current.namespaces = live.namespaces.clone();
    for (name, t) in &live.tables {
        if schema.tables.contains_key(name) {
            current.add_table(t.clone());
        }
    }
    for (name, e) in &live.enums {
        if schema.enums.contains_key(name) {
            current.add_enum(e.clone());
        }
    }
    for (name, s) in &live.sequences {
        if schema.sequences.contains_key(name) {
            current.add_sequence(s.clone());
        }
    }
    for (id, p) in &live.policies {
        if schema.policies.contains_key(id) {
            current.add_policy(p.clone());
        }
    }
    let declared = statements(&schema.declared_sql)?;
    for object in declared.iter().filter_map(|d| d.object.as_ref()) {
        match &object.kind {
            DeclaredKind::View | DeclaredKind::MaterializedView => {
                if let Some(v) = live.views.get(&object.name) {
                    current.add_view(v.clone());
                }
            }
            DeclaredKind::Function => {
                for f in live.functions.values() {
                    if f.id.name == object.name {
                        current.add_function(f.clone());
                    }
                }
            }
            DeclaredKind::Trigger { table } => {
                for t in live.triggers.values() {
                    if &t.id.table == table && t.id.name == object.name.name {
                        current.add_trigger(t.clone());
                    }
                }
            }
            DeclaredKind::Statistics => {
                if let Some(x) = live.statistics.get(&object.name) {
                    current.statistics.insert(x.name.clone(), x.clone());
                }
            }
            DeclaredKind::Policy { table } => {
                for p in live.policies.values() {
                    if &p.id.table == table && p.id.name == object.name.name {
                        current.add_policy(p.clone());
                    }
                }
            }
        }
    }
    let mut target = Schema::new();
    target.namespaces = live.namespaces.clone();
    let (changes, _diagnostics) = aludel_diff::diff(&current, &target)?;
    let statements = aludel_render::render(&changes, &aludel_render::Options::default());

    let containers = Containers {
        extensions: schema
            .extensions
            .keys()
            .filter(|n| live.extensions.contains_key(*n))
            .cloned()
            .collect(),
        schemas: schema
            .namespaces
            .keys()
            .filter(|n| n.as_str() != "public" && live.namespaces.contains_key(*n))
            .cloned()
            .collect(),
    };
    Ok((statements, containers))
}

/// Extensions and schemas [`drop_all`] drops once the objects in them are gone, each only if
/// nothing else depends on it (`DROP ... RESTRICT` decides).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Containers {
    pub extensions: Vec<Ident>,
    pub schemas: Vec<Ident>,
}
