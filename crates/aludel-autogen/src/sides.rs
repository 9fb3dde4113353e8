//! The two sides of every comparison, materialised and read back by the same introspection:
//! the baseline (external objects only), the replayed history, the created models, a live
//! database; the baseline's objects are subtracted from each.

use std::collections::BTreeMap;

use aludel_introspect::Options as IntrospectOptions;
use aludel_migrations::MigrationSet;
use aludel_pg::ScratchDatabase;
use aludel_runner::{Target, UpgradeTarget};
use aludel_schema::Schema;
use aludel_testing::DeclaredKind;

use crate::error::Error;
use crate::project::{Models, Project};
use crate::throwaway::{Throwaway, run_sql};

/// The database holding only the external objects, template of every other throwaway
/// database, and what introspection finds in it.
pub(crate) struct Baseline {
    pub db: ScratchDatabase,
    pub schema: Schema,
}

pub(crate) fn introspect_options(project: &Project) -> IntrospectOptions {
    IntrospectOptions {
        version_table: Some(project.version_table_name()),
        ..IntrospectOptions::default()
    }
}

/// Reads `url` and removes what the baseline has.
pub(crate) async fn read(url: &str, project: &Project, baseline: &Schema) -> Result<Schema, Error> {
    let mut schema = aludel_introspect::introspect_url(url, &introspect_options(project))
        .await?
        .schema;
    subtract(&mut schema, baseline);
    Ok(schema)
}

/// Removes every object of `baseline` from `schema`, by name: external objects are neither
/// the models' nor the history's.
pub(crate) fn subtract(schema: &mut Schema, baseline: &Schema) {
    fn minus<K: Ord, V>(map: &mut BTreeMap<K, V>, base: &BTreeMap<K, V>) {
        map.retain(|k, _| !base.contains_key(k));
    }
    // every kind, so that a new one is a compile error here
    let Schema {
        namespaces,
        extensions,
        enums,
        sequences,
        tables,
        views,
        functions,
        triggers,
        statistics,
        policies,
        declared_sql: _,
    } = schema;
    minus(namespaces, &baseline.namespaces);
    minus(extensions, &baseline.extensions);
    minus(enums, &baseline.enums);
    minus(sequences, &baseline.sequences);
    minus(tables, &baseline.tables);
    minus(views, &baseline.views);
    minus(functions, &baseline.functions);
    minus(triggers, &baseline.triggers);
    minus(statistics, &baseline.statistics);
    minus(policies, &baseline.policies);
}

/// Creates the baseline database: the external SQL, in order.
pub(crate) async fn baseline(tw: &Throwaway, project: &Project) -> Result<Baseline, Error> {
    let db = tw.database("aludel_base", None).await?;
    for (origin, sql) in &project.external_sql {
        run_sql(&db.url, sql)
            .await
            .map_err(|message| Error::External {
                origin: origin.clone(),
                message,
            })?;
    }
    let schema = aludel_introspect::introspect_url(&db.url, &introspect_options(project))
        .await?
        .schema;
    Ok(Baseline { db, schema })
}

/// A copy of the baseline with the history replayed to its heads; returns it and its schema.
pub(crate) async fn history(
    tw: &Throwaway,
    project: &Project,
    set: &MigrationSet,
    baseline: &Baseline,
) -> Result<(ScratchDatabase, Schema), Error> {
    let db = tw.database("aludel_history", Some(&baseline.db)).await?;
    upgrade(&db.url, project, set, UpgradeTarget::Heads)
        .await
        .map_err(Error::Replay)?;
    let schema = read(&db.url, project, &baseline.schema).await?;
    Ok((db, schema))
}

/// Runs the runner toward an upgrade target.
pub(crate) async fn upgrade(
    url: &str,
    project: &Project,
    set: &MigrationSet,
    target: UpgradeTarget,
) -> Result<(), aludel_runner::Error> {
    run(url, project, set, Target::Upgrade(target)).await
}

pub(crate) async fn run(
    url: &str,
    project: &Project,
    set: &MigrationSet,
    target: Target,
) -> Result<(), aludel_runner::Error> {
    let options = aludel_runner::Options {
        table: project.version_table.clone(),
        ..aludel_runner::Options::default()
    };
    aludel_runner::run_url(url, set, &target, &options, |_| true, |_| {})
        .await
        .map(|_| ())
}

/// A copy of the baseline with the models created in it; returns the models as PostgreSQL
/// reads them back, with the models' rename hints.
pub(crate) async fn models(
    tw: &Throwaway,
    project: &Project,
    baseline: &Baseline,
) -> Result<Schema, Error> {
    let db = tw.database("aludel_models", Some(&baseline.db)).await?;
    let mut creatable = project.models.schema.clone();
    // hints mean nothing when creating from scratch
    creatable.strip_hints();
    aludel_testing::create_all(db.url.as_str(), &creatable)
        .await
        .map_err(|e| match e {
            aludel_testing::Error::Statement { sql, message } => Error::Models {
                statement: first_line(&sql),
                message,
            },
            declared @ (aludel_testing::Error::Declared { .. }
            | aludel_testing::Error::DeclaredSplit { .. }
            | aludel_testing::Error::DeclaredHint { .. }) => Error::DeclaredSql(declared),
            other => Error::Create(other),
        })?;
    let mut schema = read(&db.url, project, &baseline.schema).await?;
    carry_hints(&mut schema, &project.models)?;
    Ok(schema)
}

fn first_line(sql: &str) -> String {
    let line = sql.lines().next().unwrap_or_default();
    if sql.contains('\n') {
        format!("{line} ...")
    } else {
        line.to_owned()
    }
}

/// Copies the models' `renamed_from` hints onto the introspected models, by name: those of the
/// IR, and the `-- aludel: renamed_from` comments of the declared SQL (a function's hint goes
/// to every overload of its name).
pub(crate) fn carry_hints(schema: &mut Schema, models: &Models) -> Result<(), Error> {
    for (name, declared) in &models.schema.namespaces {
        if let Some(n) = schema.namespaces.get_mut(name) {
            n.renamed_from = declared.renamed_from.clone();
        }
    }
    for (name, declared) in &models.schema.tables {
        let Some(table) = schema.tables.get_mut(name) else {
            continue;
        };
        table.renamed_from = declared.renamed_from.clone();
        for dc in &declared.columns {
            if let Some(c) = table.columns.iter_mut().find(|c| c.name == dc.name) {
                c.renamed_from = dc.renamed_from.clone();
            }
        }
    }
    for (name, declared) in &models.schema.enums {
        let Some(e) = schema.enums.get_mut(name) else {
            continue;
        };
        e.renamed_from = declared.renamed_from.clone();
        for dv in &declared.values {
            if let Some(v) = e.values.iter_mut().find(|v| v.name == dv.name) {
                v.renamed_from = dv.renamed_from.clone();
            }
        }
    }
    for (name, declared) in &models.schema.sequences {
        if let Some(s) = schema.sequences.get_mut(name) {
            s.renamed_from = declared.renamed_from.clone();
        }
    }
    for (name, declared) in &models.schema.views {
        if let Some(v) = schema.views.get_mut(name) {
            v.renamed_from = declared.renamed_from.clone();
        }
    }
    for (id, declared) in &models.schema.functions {
        if let Some(f) = schema.functions.get_mut(id) {
            f.renamed_from = declared.renamed_from.clone();
        }
    }
    for (id, declared) in &models.schema.triggers {
        if let Some(t) = schema.triggers.get_mut(id) {
            t.renamed_from = declared.renamed_from.clone();
        }
    }
    for (id, declared) in &models.schema.policies {
        if let Some(p) = schema.policies.get_mut(id) {
            p.renamed_from = declared.renamed_from.clone();
        }
    }
    for (name, declared) in &models.schema.statistics {
        if let Some(x) = schema.statistics.get_mut(name) {
            x.renamed_from = declared.renamed_from.clone();
        }
    }
    let statements =
        aludel_testing::statements(&models.schema.declared_sql).map_err(Error::DeclaredSql)?;
    for object in statements.iter().filter_map(|s| s.object.as_ref()) {
        let Some(old) = &object.renamed_from else {
            continue;
        };
        match &object.kind {
            DeclaredKind::View | DeclaredKind::MaterializedView => {
                if let Some(v) = schema.views.get_mut(&object.name) {
                    v.renamed_from = Some(old.clone());
                }
            }
            DeclaredKind::Function => {
                for f in schema.functions.values_mut() {
                    if f.id.name == object.name {
                        f.renamed_from = Some(old.clone());
                    }
                }
            }
            DeclaredKind::Trigger { table } => {
                for t in schema.triggers.values_mut() {
                    if &t.id.table == table && t.id.name == object.name.name {
                        t.renamed_from = Some(old.name.clone());
                    }
                }
            }
            DeclaredKind::Statistics => {
                if let Some(x) = schema.statistics.get_mut(&object.name) {
                    x.renamed_from = Some(old.clone());
                }
            }
            DeclaredKind::Policy { table } => {
                for p in schema.policies.values_mut() {
                    if &p.id.table == table && p.id.name == object.name.name {
                        p.renamed_from = Some(old.name.clone());
                    }
                }
            }
        }
    }
    Ok(())
}
