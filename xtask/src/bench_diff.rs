//! `cargo xtask bench diff [--tables N] [--runs R] [--sql-objects]`: two in-memory schemas of N
//! tables (5,000 by default) that differ in 1% of the tables; with `--sql-objects` they also hold
//! 1,000 views, 2,000 functions and 5,000 triggers (1% of each changed); times `diff` + `render`
//! of upgrade and downgrade (median of R runs) against the 100 ms target. No database involved.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use aludel_schema::{
    Check, Column, ColumnType, Deferrable, Dependency, EnumType, EnumValue, Expr, FkAction,
    ForeignKey, Function, FunctionId, FunctionKind, Ident, Index, IndexKey, Namespace, PrimaryKey,
    QualifiedName, Schema, Table, Trigger, TriggerEnabled, TriggerId, View, ViewColumn, naming,
};

fn table(i: usize) -> Table {
    let name = format!("t{i:05}");
    let mut t = Table::new(QualifiedName::new("public", name.as_str()));
    let mut id = Column::new("id", ColumnType::BigInt);
    id.nullable = false;
    t.columns.push(id);
    let types = [
        ColumnType::Integer,
        ColumnType::Text,
        ColumnType::Varchar { length: Some(80) },
        ColumnType::Boolean,
        ColumnType::Timestamp {
            precision: None,
            with_time_zone: true,
        },
        ColumnType::Jsonb,
        ColumnType::Enum {
            name: QualifiedName::new("public", "status"),
        },
    ];
    for j in 0..(5 + i % 10) {
        let mut c = Column::new(format!("c{j}"), types[(i + j) % types.len()].clone());
        c.nullable = j % 3 != 0;
        if j % 4 == 1 {
            c.comment = Some(format!("column {j} of {name}"));
        }
        t.columns.push(c);
    }
    t.primary_key = Some(PrimaryKey {
        name: Ident::new(naming::primary_key(&name)),
        columns: vec![Ident::new("id")],
        include: vec![],
        deferrable: Deferrable::NotDeferrable,
    });
    if i > 0 {
        for k in 0..(i % 3) {
            let target = format!("t{:05}", (i * 7 + k) % i);
            let col = format!("ref_{k}");
            t.columns
                .push(Column::new(col.as_str(), ColumnType::BigInt));
            t.foreign_keys.push(ForeignKey {
                name: Ident::new(naming::on_columns(&name, &[&col], "fkey")),
                columns: vec![Ident::new(col.as_str())],
                ref_table: QualifiedName::new("public", target.as_str()),
                ref_columns: vec![Ident::new("id")],
                on_delete: FkAction::Cascade,
                on_update: FkAction::NoAction,
                match_type: Default::default(),
                deferrable: Deferrable::NotDeferrable,
                valid: true,
            });
        }
    }
    let mut ix = Index {
        name: Ident::new(naming::on_columns(&name, &["c0"], "idx")),
        unique: false,
        nulls_not_distinct: false,
        method: Ident::new("btree"),
        keys: vec![IndexKey::column("c0")],
        include: vec![],
        predicate: None,
        comment: None,
    };
    if i.is_multiple_of(5) {
        ix.predicate = Some(Expr::new("(c0 IS NOT NULL)"));
    }
    t.indexes.push(ix);
    t.checks.push(Check {
        name: Ident::new(naming::on_columns(&name, &["id"], "check")),
        expr: Expr::new("(id > 0)"),
        no_inherit: false,
        valid: true,
    });
    t.comment = Some(format!("table {i}"));
    t
}

pub(crate) fn schema(n: usize) -> Schema {
    let mut s = Schema::new();
    s.add_namespace(Namespace {
        name: Ident::new("public"),
        comment: Some("standard public schema".into()),
        renamed_from: None,
    });
    s.add_enum(EnumType {
        name: QualifiedName::new("public", "status"),
        values: ["new", "active", "done"].map(EnumValue::new).to_vec(),
        comment: None,
        renamed_from: None,
    });
    for i in 0..n {
        s.add_table(table(i));
    }
    s
}

/// `a` with 1% of its tables changed: a column added, a type changed, an index dropped, a
/// check changed, a comment changed, in turn.
pub(crate) fn changed(a: &Schema) -> (Schema, usize) {
    let mut b = a.clone();
    let names: Vec<QualifiedName> = b.tables.keys().cloned().collect();
    let step = 100;
    let mut n = 0;
    for (k, name) in names.iter().enumerate().filter(|(k, _)| k % step == 0) {
        let t = b.tables.get_mut(name).expect("table");
        match (k / step) % 5 {
            0 => t.columns.push(Column::new("added", ColumnType::Text)),
            1 => t.columns[1].ty = ColumnType::BigInt,
            2 => t.indexes.clear(),
            3 => t.checks[0].expr = Expr::new("(id > 1)"),
            _ => t.comment = Some("changed".into()),
        }
        n += 1;
    }
    (b, n)
}

fn function(i: usize) -> Function {
    let name = QualifiedName::new("public", format!("f{i:04}").as_str());
    let trigger = i.is_multiple_of(2);
    let (args, result) = if trigger {
        ("", "trigger")
    } else {
        ("integer", "integer")
    };
    let body = if trigger {
        "BEGIN RETURN NEW; END"
    } else {
        "BEGIN RETURN a + 1; END"
    };
    Function {
        id: FunctionId::new(name.clone(), args),
        kind: FunctionKind::Function,
        identity_args: if trigger {
            String::new()
        } else {
            "a integer".into()
        },
        parameters: if trigger {
            "||".into()
        } else {
            "|a|integer".into()
        },
        defaults: 0,
        result: Some(result.into()),
        language: "plpgsql".into(),
        volatility: "v".into(),
        strict: false,
        security_definer: false,
        leakproof: false,
        parallel: "u".into(),
        cost: "100".into(),
        rows: "0".into(),
        config: Vec::new(),
        definition: format!(
            "CREATE OR REPLACE FUNCTION {name}({})\n RETURNS {result}\n LANGUAGE plpgsql\nAS $function$ {body} $function$",
            if trigger { "" } else { "a integer" }
        ),
        comment: None,
        depends_on: Vec::new(),
        renamed_from: None,
    }
}

/// Adds 1,000 views (on the first tables), 2,000 functions (half of them trigger functions) and
/// one trigger per table, up to 5,000.
pub(crate) fn add_sql_objects(s: &mut Schema) {
    let tables: Vec<QualifiedName> = s.tables.keys().cloned().collect();
    for i in 0..2000 {
        s.add_function(function(i));
    }
    for (i, t) in tables.iter().take(1000).enumerate() {
        let name = QualifiedName::new("public", format!("v{i:04}").as_str());
        s.add_view(View {
            name,
            materialized: false,
            definition: format!(" SELECT {0}.id,\n    {0}.c0\n   FROM {t}", t.name),
            columns: vec![
                ViewColumn {
                    name: Ident::new("id"),
                    ty: "bigint".into(),
                },
                ViewColumn {
                    name: Ident::new("c0"),
                    ty: "integer".into(),
                },
            ],
            options: Default::default(),
            indexes: Vec::new(),
            comment: None,
            depends_on: vec![
                Dependency::Column(t.clone(), Ident::new("id")),
                Dependency::Column(t.clone(), Ident::new("c0")),
            ],
            renamed_from: None,
        });
    }
    for (i, t) in tables.iter().take(5000).enumerate() {
        let f = function((i % 1000) * 2);
        let id = TriggerId {
            table: t.clone(),
            name: Ident::new("touch"),
        };
        s.add_trigger(Trigger {
            definition: format!(
                "CREATE TRIGGER touch BEFORE UPDATE ON {t} FOR EACH ROW EXECUTE FUNCTION {}()",
                f.id.name
            ),
            id,
            constraint: false,
            function: f.id.clone(),
            enabled: TriggerEnabled::Origin,
            comment: None,
            depends_on: Vec::new(),
            renamed_from: None,
        });
    }
}

/// 1% of the views (a column appended), functions (body) and triggers (disabled) changed.
fn change_sql_objects(b: &mut Schema) -> usize {
    let mut n = 0;
    for v in b.views.values_mut().step_by(100) {
        v.definition.push_str(",\n    1 AS one");
        v.columns.push(ViewColumn {
            name: Ident::new("one"),
            ty: "integer".into(),
        });
        n += 1;
    }
    for f in b.functions.values_mut().step_by(100) {
        f.definition = f.definition.replace("RETURN", "RETURN /* changed */");
        n += 1;
    }
    for t in b.triggers.values_mut().step_by(100) {
        t.enabled = TriggerEnabled::Disabled;
        n += 1;
    }
    n
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let tables: usize = crate::flag(args, "--tables")?.unwrap_or(5000);
    let runs: usize = crate::flag(args, "--runs")?.unwrap_or(7).max(1);
    let sql_objects = args.iter().any(|a| a == "--sql-objects");
    let mut a = schema(tables);
    if sql_objects {
        add_sql_objects(&mut a);
    }
    let (mut b, mut touched) = changed(&a);
    if sql_objects {
        touched += change_sql_objects(&mut b);
    }
    let mut times = Vec::new();
    let mut statements = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let (changes, _) = aludel_diff::diff(&a, &b)?;
        let opts = aludel_render::Options::default();
        let up = aludel_render::render(&changes, &opts);
        let down = aludel_render::render_downgrade(&changes, &opts);
        times.push(t.elapsed());
        statements = up.len() + down.len();
    }
    times.sort();
    let median: Duration = times[times.len() / 2];
    println!(
        "objects per schema:         {tables} tables, {} views, {} functions, {} triggers ({touched} changed)",
        a.views.len(),
        a.functions.len(),
        a.triggers.len()
    );
    println!("statements (up + down):     {statements}");
    println!(
        "diff + render (median of {runs}): {:>8.1} ms (target: under 100 ms)",
        median.as_secs_f64() * 1e3
    );
    Ok(ExitCode::SUCCESS)
}
