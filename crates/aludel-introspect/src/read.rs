//! The read pipeline: the schemas first (every other query takes their names), then one query
//! per object kind, then the names of columns that foreign keys reference outside the read
//! schemas; on one session, or spread over three sessions sharing one snapshot. Then lowering.

use aludel_schema::{QualifiedName, Schema};
use sqlx::postgres::PgConnection;

use crate::attribute::{self, AttNames};
use crate::column::{self, ColumnRow};
use crate::constraint::{self, ConstraintRow};
use crate::depends::{self, DependRow, Oids};
use crate::enum_type::{self, EnumRow};
use crate::extension::{self, ExtensionRow};
use crate::function::{self, FunctionRow};
use crate::index::{self, IndexRow};
use crate::namespace::{self, NamespaceRow};
use crate::policy::{self, PolicyRow};
use crate::sequence::{self, SequenceRow};
use crate::statistics::{self, StatisticsRow};
use crate::table::{self, TableRow};
use crate::trigger::{self, TriggerRow};
use crate::view::{self, ViewRow};
use crate::{Error, Introspection, Options, Queries, fetch, fetch_query, filter};

struct Small {
    ext: Vec<ExtensionRow>,
    enums: Vec<EnumRow>,
    seqs: Vec<SequenceRow>,
    tables: Vec<TableRow>,
    views: Vec<ViewRow>,
    functions: Vec<FunctionRow>,
    triggers: Vec<TriggerRow>,
    depends: Vec<DependRow>,
    statistics: Vec<StatisticsRow>,
    policies: Vec<PolicyRow>,
}

struct Keys {
    cons: Vec<ConstraintRow>,
    idx: Vec<IndexRow>,
}

async fn schemas(
    conn: &mut PgConnection,
    opts: &Options,
    q: &mut Queries,
) -> Result<(Vec<NamespaceRow>, Vec<String>), Error> {
    let rows = fetch(
        conn,
        "schemas",
        namespace::QUERY,
        &opts.schemas,
        namespace::decode,
        q,
    )
    .await?;
    let missing: Vec<String> = opts
        .schemas
        .iter()
        .filter(|s| !rows.iter().any(|r| &r.name == *s))
        .cloned()
        .collect();
    if !missing.is_empty() {
        return Err(Error::SchemaNotFound { names: missing });
    }
    let names = rows.iter().map(|r| r.name.clone()).collect();
    Ok((rows, names))
}

async fn small(conn: &mut PgConnection, s: &[String], q: &mut Queries) -> Result<Small, Error> {
    Ok(Small {
        ext: fetch(
            conn,
            "extensions",
            extension::QUERY,
            s,
            extension::decode,
            q,
        )
        .await?,
        enums: fetch(conn, "enums", enum_type::QUERY, s, enum_type::decode, q).await?,
        seqs: fetch(conn, "sequences", sequence::QUERY, s, sequence::decode, q).await?,
        tables: fetch(conn, "tables", table::QUERY, s, table::decode, q).await?,
        views: fetch(conn, "views", view::QUERY, s, view::decode, q).await?,
        functions: fetch(conn, "functions", function::QUERY, s, function::decode, q).await?,
        triggers: fetch(conn, "triggers", trigger::QUERY, s, trigger::decode, q).await?,
        depends: fetch(conn, "dependencies", depends::QUERY, s, depends::decode, q).await?,
        statistics: fetch(
            conn,
            "statistics",
            statistics::QUERY,
            s,
            statistics::decode,
            q,
        )
        .await?,
        policies: fetch(conn, "policies", policy::QUERY, s, policy::decode, q).await?,
    })
}

/// The columns of the tables whose oid is `part` modulo `parts`.
async fn columns(
    conn: &mut PgConnection,
    s: &[String],
    parts: i32,
    part: i32,
    q: &mut Queries,
) -> Result<Vec<ColumnRow>, Error> {
    let query = sqlx::query(column::QUERY).bind(s).bind(parts).bind(part);
    fetch_query(conn, "columns", query, column::decode, q).await
}

async fn keys(conn: &mut PgConnection, s: &[String], q: &mut Queries) -> Result<Keys, Error> {
    Ok(Keys {
        cons: fetch(
            conn,
            "constraints",
            constraint::QUERY,
            s,
            constraint::decode,
            q,
        )
        .await?,
        idx: fetch(conn, "indexes", index::QUERY, s, index::decode, q).await?,
    })
}

/// Every query on one session.
pub(crate) async fn sequential(
    conn: &mut PgConnection,
    opts: &Options,
) -> Result<Introspection, Error> {
    let mut q = Queries::default();
    let (ns, names) = schemas(conn, opts, &mut q).await?;
    let small = small(conn, &names, &mut q).await?;
    let cols = columns(conn, &names, 1, 0, &mut q).await?;
    let keys = keys(conn, &names, &mut q).await?;
    finish(conn, opts, ns, small, cols, keys, q).await
}

/// The columns split over two sessions, the other kinds on a third; every session is in a
/// transaction on the same snapshot.
pub(crate) async fn parallel(
    [lead, a, b]: [&mut PgConnection; 3],
    opts: &Options,
) -> Result<Introspection, Error> {
    let mut q = Queries::default();
    let (ns, names) = schemas(lead, opts, &mut q).await?;
    let (mut q1, mut q2, mut q3) = (Queries::default(), Queries::default(), Queries::default());
    let (mut cols, more, (small, keys)) = tokio::try_join!(
        columns(lead, &names, 2, 0, &mut q1),
        columns(a, &names, 2, 1, &mut q2),
        async {
            let small = small(b, &names, &mut q3).await?;
            let keys = keys(b, &names, &mut q3).await?;
            Ok::<_, Error>((small, keys))
        }
    )?;
    // each half holds whole tables, each in physical column order
    cols.extend(more);
    for part in [q1, q2, q3] {
        q.timings.extend(part.timings);
    }
    finish(lead, opts, ns, small, cols, keys, q).await
}

async fn finish(
    conn: &mut PgConnection,
    opts: &Options,
    ns: Vec<NamespaceRow>,
    small: Small,
    cols: Vec<ColumnRow>,
    keys: Keys,
    mut q: Queries,
) -> Result<Introspection, Error> {
    let mut names = AttNames::from_columns(&cols);
    let outside = names.missing(keys.cons.iter().map(|r| r.ref_oid));
    if !outside.is_empty() {
        let query = sqlx::query(attribute::QUERY).bind(&outside);
        let rows =
            fetch_query(conn, "referenced columns", query, attribute::decode, &mut q).await?;
        names.add(rows);
    }
    let keep = |name: &QualifiedName| filter::keep_table(name, opts);
    let mut schema = Schema::new();
    namespace::lower(ns, &mut schema);
    extension::lower(small.ext, &mut schema);
    enum_type::lower(small.enums, &mut schema);
    table::lower(small.tables, &keep, &mut schema);
    column::lower(cols, &mut schema);
    sequence::lower(small.seqs, &mut schema);
    constraint::lower(keys.cons, &names, &mut schema);
    let mut oids = Oids {
        views: view::lower(small.views, &keep, &mut schema),
        functions: function::lower(small.functions, &mut schema),
        ..Oids::default()
    };
    oids.triggers = trigger::lower(small.triggers, &mut schema);
    oids.policies = policy::lower(small.policies, &mut schema);
    depends::lower(small.depends, &oids, &mut schema);
    statistics::lower(small.statistics, &mut schema);
    index::lower(keys.idx, &mut schema);
    schema.normalize();
    Ok(Introspection {
        schema,
        queries: q.timings.len(),
        timings: q.timings,
    })
}
