//! `cargo xtask bench diff [--tables N] [--runs R]`: two in-memory schemas of N tables (5,000 by
//! default) that differ in 1% of the tables; times `diff` + `render` of upgrade and downgrade
//! (median of R runs) against the 100 ms target. No database involved.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use aludel_schema::{
    Check, Column, ColumnType, Deferrable, EnumType, EnumValue, Expr, FkAction, ForeignKey, Ident,
    Index, IndexKey, Namespace, PrimaryKey, QualifiedName, Schema, Table, naming,
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

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let tables: usize = crate::flag(args, "--tables")?.unwrap_or(5000);
    let runs: usize = crate::flag(args, "--runs")?.unwrap_or(7).max(1);
    let a = schema(tables);
    let (b, touched) = changed(&a);
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
    println!("tables per schema:          {tables} ({touched} changed)");
    println!("statements (up + down):     {statements}");
    println!(
        "diff + render (median of {runs}): {:>8.1} ms (target: under 100 ms)",
        median.as_secs_f64() * 1e3
    );
    Ok(ExitCode::SUCCESS)
}
