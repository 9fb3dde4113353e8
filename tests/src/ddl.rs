//! The property test's own DDL writer: the SQL that creates a random `SchemaSpec` in an empty
//! database, written with plain `format!` (no aludel renderer, display or naming), so the
//! databases the property diffs between are built independently of what aludel emits. It owns
//! what each spec field means (column types and defaults, which constraints and indexes exist,
//! how objects are spelt) and which renames a pair's desired side is marked with.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::random::{EXTENSIONS, SEQUENCES, SchemaSpec, SeqSpec, TABLES, TableSpec, VALUES};

/// The suffix of an object's other spelling.
const SPELT: &str = "_n";

/// The collations a text column may have.
const COLLATIONS: [&str; 3] = ["\"C\"", "\"POSIX\"", "\"und-x-icu\""];

/// The name of table `i` in `spec`.
pub fn table_name(spec: &SchemaSpec, i: usize) -> String {
    let base = TABLES[i].1;
    if spec.table_spelling == Some(i as u8) {
        format!("{base}{SPELT}")
    } else {
        base.to_owned()
    }
}

/// The name of column `c{j}` in table `t`.
fn col_name(t: &TableSpec, j: usize) -> String {
    if t.column_spelling == Some(j as u8) {
        format!("c{j}{SPELT}")
    } else {
        format!("c{j}")
    }
}

/// The enum's values in `spec`, as spelt there.
fn value_names(spec: &SchemaSpec) -> Vec<String> {
    spec.values
        .iter()
        .map(|v| {
            let spelt = spec
                .value_spelling
                .is_some_and(|k| VALUES.get(k as usize) == Some(v));
            if spelt {
                format!("{v}{SPELT}")
            } else {
                (*v).to_owned()
            }
        })
        .collect()
}

/// A string literal.
fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The column `c{j}` of family `j` and variant `ty`: its SQL type and its default; `None` when
/// the column cannot exist (an array of the enum when the enum has no value).
pub fn column(j: usize, ty: u8, values: &[&str]) -> Option<(&'static str, Option<String>)> {
    let first = values.first();
    let d = |s: &str| Some(s.to_owned());
    Some(match (j, ty % 4) {
        (0, 0) => ("integer", d("0")),
        (0, 1) => ("bigint", d("1")),
        (0, 2) => ("smallint", d("2")),
        (0, _) => ("numeric(12,2)", d("0.5")),
        (1, 0) => ("text", d("'x'::text")),
        (1, 1) => ("varchar(10)", d("'y'")),
        (1, 2) => ("varchar(20)", d("'y'")),
        (1, _) => ("uuid", None),
        (2, 0 | 1) if first.is_some() => (
            "public.mood",
            first.map(|v| format!("{}::public.mood", lit(v))),
        ),
        (2, _) => ("text", d("'z'::text")),
        (3, _) if first.is_some() => (
            "public.mood[]",
            first.map(|v| format!("ARRAY[{}::public.mood]", lit(v))),
        ),
        (3, _) => return None,
        (4, 0) => ("timestamp with time zone", d("now()")),
        (4, 1) => ("timestamp without time zone", None),
        (4, 2) => ("date", d("CURRENT_DATE")),
        (4, _) => ("timestamp(3) with time zone", None),
        (_, 0 | 1) => ("jsonb", d("'{}'::jsonb")),
        (_, 2) => ("json", d("'[]'::json")),
        (_, _) => ("jsonb", None),
    })
}

/// The `ON DELETE` action of a foreign key code.
fn action(code: u8) -> &'static str {
    match code % 4 {
        0 => "NO ACTION",
        1 => "CASCADE",
        2 => "SET NULL",
        _ => "RESTRICT",
    }
}

/// Whether table `t` has column `c{j}`, and its SQL type.
fn col_type(t: &TableSpec, j: usize, values: &[&str]) -> Option<&'static str> {
    let c = t.columns.get(j)?.as_ref()?;
    column(j, c.ty, values).map(|(ty, _)| ty)
}

/// `CREATE SEQUENCE` of sequence `s{k}`. PostgreSQL refuses an `ALTER SEQUENCE` whose bounds
/// leave out the current value (unless it restarts the sequence, which a migration must not do
/// on its own), so every spec's start (20 or 50) lies within every spec's bounds: minimum 1 (the
/// ascending default), 5, 10 or the type's (the descending default); maximum the type's (the
/// ascending default), 1000 or 30000, and a descending step always names one.
fn sequence(k: usize, s: &SeqSpec) -> String {
    let ty = ["smallint", "integer", "bigint"][usize::from(s.ty % 3)];
    let step = [1, 3, -1, -2][usize::from(s.step % 4)];
    let mut sql = format!("CREATE SEQUENCE public.{} AS {ty}", SEQUENCES[k]);
    if step != 1 {
        let _ = write!(sql, " INCREMENT BY {step}");
    }
    if let Some(m) = s.min {
        let _ = write!(sql, " MINVALUE {}", [5, 10][usize::from(m % 2)]);
    }
    if let Some(m) = s.max.or((step < 0).then_some(0)) {
        let _ = write!(sql, " MAXVALUE {}", [1000, 30000][usize::from(m % 2)]);
    }
    let _ = write!(sql, " START WITH {}", [20, 50][usize::from(s.start % 2)]);
    if s.cache {
        sql.push_str(" CACHE 10");
    }
    if s.cycle {
        sql.push_str(" CYCLE");
    }
    sql.push_str(";\n");
    sql
}

/// The SQL that creates `spec` in a database holding only an empty `public`: schemas,
/// extensions, the enum and sequences, then each table with inline columns and constraints,
/// then indexes, foreign keys and comments. Constraints are left to PostgreSQL's default names.
pub fn write(spec: &SchemaSpec) -> String {
    let spelt = value_names(spec);
    let values: Vec<&str> = spelt.iter().map(String::as_str).collect();
    let values = &values;
    let mut out = String::new();
    let mut later = String::new();
    let mut comments = String::new();
    if spec.tables.get(4).is_some_and(Option::is_some) {
        out.push_str("CREATE SCHEMA app;\n");
        if spec.app_comment {
            comments.push_str("COMMENT ON SCHEMA app IS 'the app';\n");
        }
    }
    if spec.extensions.contains(&Some(true)) {
        out.push_str("CREATE SCHEMA ext;\n");
    }
    for (k, e) in spec.extensions.iter().enumerate() {
        if let Some(own) = e {
            let schema = if *own { "ext" } else { "public" };
            let _ = writeln!(out, "CREATE EXTENSION {} SCHEMA {schema};", EXTENSIONS[k]);
        }
    }
    let labels: Vec<String> = values.iter().map(|v| lit(v)).collect();
    let _ = writeln!(
        out,
        "CREATE TYPE public.mood AS ENUM ({});",
        labels.join(", ")
    );
    if spec.enum_comment {
        comments.push_str("COMMENT ON TYPE public.mood IS 'how it feels';\n");
    }
    for (k, s) in spec.sequences.iter().enumerate() {
        let Some(s) = s else { continue };
        out.push_str(&sequence(k, s));
        if s.comment {
            let _ = writeln!(
                comments,
                "COMMENT ON SEQUENCE public.{} IS 'sequence {k}';",
                SEQUENCES[k]
            );
        }
    }
    for (i, t) in spec.tables.iter().enumerate() {
        let Some(t) = t else { continue };
        let schema = TABLES[i].0;
        let name = &table_name(spec, i);
        let qname = format!("{schema}.{name}");
        let cn = |j: usize| col_name(t, j);
        let mut items = vec![if t.identity {
            "id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL".to_owned()
        } else {
            "id bigint NOT NULL".to_owned()
        }];
        for (j, c) in t.columns.iter().enumerate() {
            let Some(c) = c else { continue };
            let Some((ty, default)) = column(j, c.ty, values) else {
                continue;
            };
            let mut item = format!("{} {ty}", cn(j));
            if let Some(coll) = c.collation
                && (ty == "text" || ty.starts_with("varchar"))
            {
                let _ = write!(item, " COLLATE {}", COLLATIONS[usize::from(coll % 3)]);
            }
            if let Some(d) = default.filter(|_| c.default) {
                let _ = write!(item, " DEFAULT {d}");
            }
            if !c.nullable {
                item.push_str(" NOT NULL");
            }
            items.push(item);
            if c.comment {
                let _ = writeln!(
                    comments,
                    "COMMENT ON COLUMN {qname}.{} IS 'column {j}';",
                    cn(j)
                );
            }
        }
        if let Some(g) = t.generated {
            let expr = if g == 0 { "id * 2" } else { "id + 1" };
            items.push(format!("g bigint GENERATED ALWAYS AS ({expr}) STORED"));
        }
        for (k, r) in t.refs.iter().enumerate() {
            let (Some(code), Some(Some(target))) = (r, spec.tables.get(k)) else {
                continue;
            };
            let (ts, tn) = (TABLES[k].0, table_name(spec, k));
            // onto the target's unique c0 when it is a bigint and the code says so
            let onto_c0 = code % 2 == 1
                && target.unique > 0
                && target.columns[0].as_ref().is_some_and(|c| c.ty % 4 == 1);
            let ref_col = if onto_c0 {
                col_name(target, 0)
            } else {
                "id".to_owned()
            };
            // named after the target's plain spelling, so a renamed target keeps its columns
            let rc = format!("ref_{}", TABLES[k].1);
            items.push(format!("{rc} bigint"));
            let deferrable = if *code >= 6 {
                " DEFERRABLE INITIALLY DEFERRED"
            } else {
                ""
            };
            let _ = writeln!(
                later,
                "ALTER TABLE {qname} ADD FOREIGN KEY ({rc}) REFERENCES {ts}.{tn} ({ref_col}) ON DELETE {}{deferrable};",
                action(code / 2)
            );
        }
        items.push("PRIMARY KEY (id)".to_owned());
        let has_c0 = col_type(t, 0, values).is_some();
        let c1 = col_type(t, 1, values);
        let c2_mood = col_type(t, 2, values) == Some("public.mood");
        if t.unique > 0 && has_c0 {
            let nnd = if t.unique == 2 {
                "NULLS NOT DISTINCT "
            } else {
                ""
            };
            items.push(format!("UNIQUE {nnd}({})", cn(0)));
        }
        if t.checks.0 && c1.is_some() {
            items.push(format!("CHECK ({} IS NOT NULL)", cn(1)));
        }
        if let Some(v) = values.first()
            && t.checks.1
            && c2_mood
        {
            items.push(format!("CHECK ({} >= {}::public.mood)", cn(2), lit(v)));
        }
        let _ = writeln!(
            out,
            "CREATE TABLE {qname} (\n    {}\n);",
            items.join(",\n    ")
        );
        if let Some(kind) = t.indexes.0
            && has_c0
        {
            let unique = if kind == 2 { "UNIQUE " } else { "" };
            let order = if kind == 3 { " DESC NULLS FIRST" } else { "" };
            let key = format!("{}{order}", cn(0));
            let pred = if kind == 1 {
                format!(" WHERE {} IS NOT NULL", cn(0))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "CREATE {unique}INDEX {name}_c0_idx ON {qname} ({key}){pred};"
            );
        }
        if t.indexes.1 && c1.is_some() {
            let _ = writeln!(
                out,
                "CREATE INDEX {name}_lower_c1_idx ON {qname} (lower({}::text));",
                cn(1)
            );
        }
        if let Some(v) = values.last()
            && t.indexes.2
            && c2_mood
        {
            let _ = writeln!(
                out,
                "CREATE INDEX {name}_c2_partial_idx ON {qname} (id) WHERE {} <> {}::public.mood;",
                cn(2),
                lit(v)
            );
        }
        if t.comment {
            let _ = writeln!(comments, "COMMENT ON TABLE {qname} IS 'table {name}';");
        }
    }
    out.push_str(&later);
    out.push_str(&sql_objects(spec, values));
    out.push_str(&comments);
    out
}

/// Functions, views, triggers, row-level security and policies on the spec's tables (after
/// every table): views named after
/// the table's plain name, so a renamed table keeps them and they are dropped and created
/// around the rename; they use `id` and `c0`, so a type change of `c0` rebuilds them.
fn sql_objects(spec: &SchemaSpec, values: &[&str]) -> String {
    let mut out = String::new();
    if let Some(t) = spec.twice {
        let ty = if t == 0 { "bigint" } else { "numeric" };
        let _ = writeln!(
            out,
            "CREATE FUNCTION public.twice(x bigint) RETURNS {ty} LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;"
        );
    }
    if spec.tables.iter().flatten().any(|t| t.trigger.is_some()) {
        let body = if spec.touch_body == 0 {
            "BEGIN RETURN NEW; END"
        } else {
            "BEGIN PERFORM 1; RETURN NEW; END"
        };
        let _ = writeln!(
            out,
            "CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$;"
        );
    }
    for (i, t) in spec.tables.iter().enumerate() {
        let Some(t) = t else { continue };
        let (schema, plain) = TABLES[i];
        let qname = format!("{schema}.{}", table_name(spec, i));
        let c0 = col_type(t, 0, values).map(|_| col_name(t, 0));
        let cols = match &c0 {
            Some(c) => format!("id, {c}"),
            None => "id".to_owned(),
        };
        match t.view {
            Some(0) => {
                let _ = writeln!(
                    out,
                    "CREATE VIEW {schema}.{plain}_v AS SELECT {cols} FROM {qname};"
                );
            }
            Some(1) => {
                let call = if spec.twice.is_some() {
                    ", public.twice(id) AS id2"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "CREATE VIEW {schema}.{plain}_v WITH (security_barrier = true) AS SELECT {cols}{call} FROM {qname} WHERE id > 0;"
                );
            }
            Some(2) => {
                let _ = writeln!(
                    out,
                    "CREATE MATERIALIZED VIEW {schema}.{plain}_m AS SELECT {cols} FROM {qname};\n\
                     CREATE UNIQUE INDEX {plain}_m_id ON {schema}.{plain}_m (id);"
                );
            }
            Some(_) => {
                let _ = writeln!(
                    out,
                    "CREATE VIEW {schema}.{plain}_v AS SELECT {cols} FROM {qname};\n\
                     CREATE VIEW {schema}.{plain}_vv AS SELECT id FROM {schema}.{plain}_v;"
                );
            }
            None => {}
        }
        match (t.trigger, &c0) {
            (Some(1), Some(c)) => {
                let _ = writeln!(
                    out,
                    "CREATE TRIGGER {plain}_touch BEFORE UPDATE OF {c} ON {qname} FOR EACH ROW \
                     WHEN (OLD.{c} IS DISTINCT FROM NEW.{c}) EXECUTE FUNCTION public.touch();"
                );
            }
            (Some(2), _) => {
                let _ = writeln!(
                    out,
                    "CREATE TRIGGER {plain}_touch AFTER INSERT ON {qname} FOR EACH STATEMENT \
                     EXECUTE FUNCTION public.touch();\n\
                     ALTER TABLE {qname} DISABLE TRIGGER {plain}_touch;"
                );
            }
            (Some(_), _) => {
                let _ = writeln!(
                    out,
                    "CREATE TRIGGER {plain}_touch BEFORE UPDATE ON {qname} FOR EACH ROW \
                     EXECUTE FUNCTION public.touch();"
                );
            }
            (None, _) => {}
        }
        if let Some(forced) = t.rls {
            let _ = writeln!(out, "ALTER TABLE {qname} ENABLE ROW LEVEL SECURITY;");
            if forced {
                let _ = writeln!(out, "ALTER TABLE {qname} FORCE ROW LEVEL SECURITY;");
            }
        }
        let c0_used = c0.as_ref().map(|c| format!("{c} IS NOT NULL"));
        let cond = c0_used.as_deref().unwrap_or("true");
        let policy = match t.policy {
            Some(0) => Some(format!("USING (id > 0 AND {cond})")),
            Some(1) => Some(format!(
                "FOR SELECT TO pg_read_all_data, pg_monitor USING ({cond})"
            )),
            Some(2) => Some(format!("AS RESTRICTIVE FOR INSERT WITH CHECK ({cond})")),
            Some(_) => Some(format!("FOR UPDATE USING (id > 1) WITH CHECK ({cond})")),
            None => None,
        };
        if let Some(p) = policy {
            let _ = writeln!(out, "CREATE POLICY {plain}_p ON {qname} {p};");
        }
    }
    out
}

/// The rename hints (`hints.json`, see `hints`) that mark `y`, the desired side, where it
/// spells a table, a column or an enum value that `x` holds too differently; `None` when there
/// is no such object.
pub fn hints(x: &SchemaSpec, y: &SchemaSpec) -> Option<String> {
    let mut all: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    let (xv, yv) = (value_names(x), value_names(y));
    for (a, b) in x.values.iter().zip(&xv) {
        if let Some(i) = y.values.iter().position(|v| v == a)
            && yv[i] != *b
        {
            all.entry("enum_values")
                .or_default()
                .insert(format!("public.mood.{}", yv[i]), b.clone());
        }
    }
    for (i, (xt, yt)) in x.tables.iter().zip(&y.tables).enumerate() {
        let (Some(xt), Some(yt)) = (xt, yt) else {
            continue;
        };
        let schema = TABLES[i].0;
        let (xn, yn) = (table_name(x, i), table_name(y, i));
        if xn != yn {
            all.entry("tables")
                .or_default()
                .insert(format!("{schema}.{yn}"), format!("{schema}.{xn}"));
        }
        for j in 0..xt.columns.len().min(yt.columns.len()) {
            let both = col_type(xt, j, &x.values).is_some() && col_type(yt, j, &y.values).is_some();
            let (xc, yc) = (col_name(xt, j), col_name(yt, j));
            if both && xc != yc {
                all.entry("columns")
                    .or_default()
                    .insert(format!("{schema}.{yn}.{yc}"), xc);
            }
        }
    }
    (!all.is_empty()).then(|| serde_json::to_string_pretty(&all).expect("a map of strings"))
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;
    use crate::random::ColSpec;

    fn col(ty: u8, nullable: bool, default: bool, comment: bool) -> Option<ColSpec> {
        Some(ColSpec {
            ty,
            nullable,
            default,
            comment,
            collation: None,
        })
    }

    fn empty(tables: Vec<Option<TableSpec>>, values: Vec<&'static str>) -> SchemaSpec {
        SchemaSpec {
            tables,
            values,
            enum_comment: false,
            app_comment: false,
            sequences: vec![None; SEQUENCES.len()],
            extensions: vec![None; EXTENSIONS.len()],
            table_spelling: None,
            value_spelling: None,
            touch_body: 0,
            twice: None,
        }
    }

    #[test]
    fn writes_one_spec() {
        let mut c1 = col(0, true, true, true);
        if let Some(c) = &mut c1 {
            c.collation = Some(2);
        }
        let t0 = TableSpec {
            columns: vec![
                col(1, false, true, false),
                c1,
                col(0, true, true, false),
                col(2, true, true, false),
                col(0, false, false, false),
                None,
            ],
            refs: vec![Some(7), None, None, None, Some(2)],
            indexes: (Some(3), true, true),
            checks: (true, true),
            unique: 2,
            comment: true,
            identity: true,
            generated: Some(1),
            column_spelling: Some(0),
            view: Some(1),
            trigger: Some(1),
            rls: Some(true),
            policy: Some(1),
        };
        let t4 = TableSpec {
            columns: vec![col(3, true, false, false), None, None, None, None, None],
            refs: vec![Some(1), None, None, None, None],
            indexes: (Some(1), false, false),
            checks: (false, false),
            unique: 1,
            comment: false,
            identity: false,
            generated: None,
            column_spelling: None,
            view: None,
            trigger: None,
            rls: None,
            policy: None,
        };
        let seq = |step, min, max, start| SeqSpec {
            ty: step,
            step,
            min,
            max,
            start,
            cache: step == 0,
            cycle: step == 2,
            comment: step == 2,
        };
        let spec = SchemaSpec {
            enum_comment: true,
            app_comment: true,
            sequences: vec![Some(seq(0, Some(1), None, 0)), Some(seq(2, None, None, 1))],
            extensions: vec![Some(false), None, None, Some(true)],
            table_spelling: Some(4),
            value_spelling: Some(0),
            ..empty(
                vec![Some(t0), None, None, None, Some(t4)],
                vec!["b", "a", "it's"],
            )
        };
        expect![[r#"
            CREATE SCHEMA app;
            CREATE SCHEMA ext;
            CREATE EXTENSION pg_trgm SCHEMA public;
            CREATE EXTENSION btree_gist SCHEMA ext;
            CREATE TYPE public.mood AS ENUM ('b', 'a_n', 'it''s');
            CREATE SEQUENCE public.s0 AS smallint MINVALUE 10 START WITH 20 CACHE 10;
            CREATE SEQUENCE public.s1 AS bigint INCREMENT BY -1 MAXVALUE 1000 START WITH 50 CYCLE;
            CREATE TABLE public.t0 (
                id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                c0_n bigint DEFAULT 1 NOT NULL,
                c1 text COLLATE "und-x-icu" DEFAULT 'x'::text,
                c2 public.mood DEFAULT 'b'::public.mood,
                c3 public.mood[] DEFAULT ARRAY['b'::public.mood],
                c4 timestamp with time zone NOT NULL,
                g bigint GENERATED ALWAYS AS (id + 1) STORED,
                ref_t0 bigint,
                ref_t4 bigint,
                PRIMARY KEY (id),
                UNIQUE NULLS NOT DISTINCT (c0_n),
                CHECK (c1 IS NOT NULL),
                CHECK (c2 >= 'b'::public.mood)
            );
            CREATE INDEX t0_c0_idx ON public.t0 (c0_n DESC NULLS FIRST);
            CREATE INDEX t0_lower_c1_idx ON public.t0 (lower(c1::text));
            CREATE INDEX t0_c2_partial_idx ON public.t0 (id) WHERE c2 <> 'it''s'::public.mood;
            CREATE TABLE app.t4_n (
                id bigint NOT NULL,
                c0 numeric(12,2),
                ref_t0 bigint,
                PRIMARY KEY (id),
                UNIQUE (c0)
            );
            CREATE INDEX t4_n_c0_idx ON app.t4_n (c0) WHERE c0 IS NOT NULL;
            ALTER TABLE public.t0 ADD FOREIGN KEY (ref_t0) REFERENCES public.t0 (c0_n) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;
            ALTER TABLE public.t0 ADD FOREIGN KEY (ref_t4) REFERENCES app.t4_n (id) ON DELETE CASCADE;
            ALTER TABLE app.t4_n ADD FOREIGN KEY (ref_t0) REFERENCES public.t0 (c0_n) ON DELETE NO ACTION;
            CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE VIEW public.t0_v WITH (security_barrier = true) AS SELECT id, c0_n FROM public.t0 WHERE id > 0;
            CREATE TRIGGER t0_touch BEFORE UPDATE OF c0_n ON public.t0 FOR EACH ROW WHEN (OLD.c0_n IS DISTINCT FROM NEW.c0_n) EXECUTE FUNCTION public.touch();
            ALTER TABLE public.t0 ENABLE ROW LEVEL SECURITY;
            ALTER TABLE public.t0 FORCE ROW LEVEL SECURITY;
            CREATE POLICY t0_p ON public.t0 FOR SELECT TO pg_read_all_data, pg_monitor USING (c0_n IS NOT NULL);
            COMMENT ON SCHEMA app IS 'the app';
            COMMENT ON TYPE public.mood IS 'how it feels';
            COMMENT ON SEQUENCE public.s1 IS 'sequence 1';
            COMMENT ON COLUMN public.t0.c1 IS 'column 1';
            COMMENT ON TABLE public.t0 IS 'table t0';
        "#]].assert_eq(&write(&spec));
    }

    #[test]
    fn an_enum_without_values_has_no_array_column() {
        let t = TableSpec {
            columns: vec![
                None,
                None,
                col(0, true, true, false),
                col(0, true, true, false),
            ],
            refs: vec![None; 5],
            indexes: (None, false, true),
            checks: (false, true),
            unique: 0,
            comment: false,
            identity: false,
            generated: None,
            column_spelling: None,
            view: None,
            trigger: None,
            rls: None,
            policy: None,
        };
        let spec = empty(vec![Some(t), None, None, None, None], vec![]);
        expect![[r#"
            CREATE TYPE public.mood AS ENUM ();
            CREATE TABLE public.t0 (
                id bigint NOT NULL,
                c2 text DEFAULT 'z'::text,
                PRIMARY KEY (id)
            );
        "#]]
        .assert_eq(&write(&spec));
    }

    #[test]
    fn hints_mark_what_both_sides_hold_spelt_differently() {
        let t = |column_spelling| TableSpec {
            columns: vec![col(0, true, false, false); 4],
            refs: vec![None; 5],
            indexes: (None, false, false),
            checks: (false, false),
            unique: 0,
            comment: false,
            identity: false,
            generated: None,
            column_spelling,
            view: None,
            trigger: None,
            rls: None,
            policy: None,
        };
        let x = SchemaSpec {
            table_spelling: Some(1),
            value_spelling: Some(0),
            ..empty(
                vec![Some(t(None)), Some(t(Some(2))), None, None, None],
                vec!["a", "b"],
            )
        };
        // every table, column and value both sides hold, each spelling either way round
        let y = SchemaSpec {
            table_spelling: Some(0),
            value_spelling: Some(1),
            ..empty(
                vec![Some(t(Some(3))), Some(t(None)), None, None, None],
                vec!["b", "a"],
            )
        };
        expect![[r#"
            {
              "columns": {
                "public.t0_n.c3_n": "c3",
                "public.t1.c2": "c2_n"
              },
              "enum_values": {
                "public.mood.a": "a_n",
                "public.mood.b_n": "b"
              },
              "tables": {
                "public.t0_n": "public.t0",
                "public.t1": "public.t1_n"
              }
            }"#]]
        .assert_eq(&hints(&x, &y).unwrap_or_default());
        assert_eq!(hints(&x, &x), None);
    }
}
