//! Deterministic DDL for the IR: `Schema`'s `Display` prints a script that recreates it,
//! and the helpers print single definitions for reports and the renderer.

use std::fmt::{self, Write as _};

use crate::{
    Check, Column, EnumType, ForeignKey, Ident, Index, IndexKey, IndexTarget, MatchType,
    PrimaryKey, QualifiedName, Schema, Sequence, Table, Unique, View, quote_literal,
};

/// `a, b, "C"`.
pub fn ident_list(idents: &[Ident]) -> String {
    let mut out = String::new();
    for (i, id) in idents.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{id}");
    }
    out
}

/// A column definition as it appears inside `CREATE TABLE` or after `ADD COLUMN`.
pub fn column_def(c: &Column) -> String {
    // the sequence is printed before the table, the comment after it, hints never
    let Column {
        name: _,
        ty: _,
        nullable: _,
        default: _,
        identity: _,
        generated: _,
        collation: _,
        owned_sequence: _,
        comment: _,
        renamed_from: _,
    } = c;
    let mut s = format!("{} {}", c.name, c.ty);
    if let Some(coll) = &c.collation {
        let _ = write!(s, " COLLATE {coll}");
    }
    if let Some(g) = &c.generated {
        let _ = write!(s, " GENERATED ALWAYS AS ({g}) STORED");
    }
    if let Some(d) = &c.default {
        let _ = write!(s, " DEFAULT {d}");
    }
    if let Some(id) = &c.identity {
        let _ = write!(s, " {}", identity_def(id));
    }
    if !c.nullable {
        s.push_str(" NOT NULL");
    }
    s
}

/// `GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(SEQUENCE NAME ... options)]`.
pub fn identity_def(id: &crate::Identity) -> String {
    let mut s = format!("GENERATED {} AS IDENTITY", id.kind.as_sql());
    let mut opts = Vec::new();
    if let Some(n) = &id.sequence_name {
        opts.push(format!("SEQUENCE NAME {n}"));
    }
    opts.extend(id.options.clauses());
    if !opts.is_empty() {
        let _ = write!(s, " ({})", opts.join(" "));
    }
    s
}

/// `CONSTRAINT name PRIMARY KEY (cols) ...`.
pub fn primary_key_def(pk: &PrimaryKey) -> String {
    let mut s = format!(
        "CONSTRAINT {} PRIMARY KEY ({})",
        pk.name,
        ident_list(&pk.columns)
    );
    if !pk.include.is_empty() {
        let _ = write!(s, " INCLUDE ({})", ident_list(&pk.include));
    }
    s.push_str(pk.deferrable.sql());
    s
}

/// `CONSTRAINT name UNIQUE [NULLS NOT DISTINCT] (cols) ...`.
pub fn unique_def(u: &Unique) -> String {
    let nnd = if u.nulls_not_distinct {
        " NULLS NOT DISTINCT"
    } else {
        ""
    };
    let mut s = format!(
        "CONSTRAINT {} UNIQUE{nnd} ({})",
        u.name,
        ident_list(&u.columns)
    );
    if !u.include.is_empty() {
        let _ = write!(s, " INCLUDE ({})", ident_list(&u.include));
    }
    s.push_str(u.deferrable.sql());
    s
}

/// `CONSTRAINT name CHECK (expr) [NO INHERIT] [NOT VALID]`.
pub fn check_def(c: &Check) -> String {
    let mut s = format!("CONSTRAINT {} CHECK ({})", c.name, c.expr);
    if c.no_inherit {
        s.push_str(" NO INHERIT");
    }
    if !c.valid {
        s.push_str(" NOT VALID");
    }
    s
}

/// `CONSTRAINT name FOREIGN KEY (cols) REFERENCES t (cols) ...`.
pub fn foreign_key_def(fk: &ForeignKey) -> String {
    let mut s = format!(
        "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
        fk.name,
        ident_list(&fk.columns),
        fk.ref_table,
        ident_list(&fk.ref_columns)
    );
    if fk.match_type == MatchType::Full {
        s.push_str(" MATCH FULL");
    }
    if !fk.on_update.is_default() {
        let _ = write!(s, " ON UPDATE {}", fk.on_update.sql());
    }
    if !fk.on_delete.is_default() {
        let _ = write!(s, " ON DELETE {}", fk.on_delete.sql());
    }
    s.push_str(fk.deferrable.sql());
    if !fk.valid {
        s.push_str(" NOT VALID");
    }
    s
}

/// One index key: `col`, `(expr)`, with collation, opclass, order and nulls placement.
pub fn index_key_def(k: &IndexKey) -> String {
    let mut s = match &k.target {
        IndexTarget::Column(c) => c.to_string(),
        IndexTarget::Expression(e) => format!("({e})"),
    };
    if let Some(c) = &k.collation {
        let _ = write!(s, " COLLATE {c}");
    }
    if let Some(o) = &k.opclass {
        let _ = write!(s, " {o}");
    }
    if k.descending {
        s.push_str(" DESC");
    }
    if k.nulls_first != k.descending {
        s.push_str(if k.nulls_first {
            " NULLS FIRST"
        } else {
            " NULLS LAST"
        });
    }
    s
}

/// `CREATE [UNIQUE] INDEX name ON table USING method (...) ...` (no trailing semicolon).
pub fn create_index(table: &QualifiedName, ix: &Index) -> String {
    let unique = if ix.unique { "UNIQUE " } else { "" };
    let keys: Vec<String> = ix.keys.iter().map(index_key_def).collect();
    let mut s = format!(
        "CREATE {unique}INDEX {} ON {table} USING {} ({})",
        ix.name,
        ix.method,
        keys.join(", ")
    );
    if !ix.include.is_empty() {
        let _ = write!(s, " INCLUDE ({})", ident_list(&ix.include));
    }
    if ix.nulls_not_distinct {
        s.push_str(" NULLS NOT DISTINCT");
    }
    if let Some(p) = &ix.predicate {
        let _ = write!(s, " WHERE {p}");
    }
    s
}

/// `CREATE TYPE name AS ENUM (...)` (no trailing semicolon).
pub fn create_enum(e: &EnumType) -> String {
    let values: Vec<String> = e.values.iter().map(|v| quote_literal(&v.name)).collect();
    format!("CREATE TYPE {} AS ENUM ({})", e.name, values.join(", "))
}

/// `CREATE SEQUENCE name AS type ...` (no trailing semicolon, no `OWNED BY`).
pub fn create_sequence(s: &Sequence) -> String {
    let mut out = format!("CREATE SEQUENCE {} AS {}", s.name, s.data_type);
    for c in s.options.clauses() {
        out.push(' ');
        out.push_str(&c);
    }
    out
}

/// `CREATE TABLE` with columns, primary key, unique constraints and valid checks inline;
/// foreign keys and `NOT VALID` checks are added afterwards by whoever prints the table.
pub fn create_table(t: &Table) -> String {
    // foreign keys, indexes and the comment are printed after the table, hints never
    let Table {
        name: _,
        columns: _,
        primary_key: _,
        uniques: _,
        checks: _,
        foreign_keys: _,
        indexes: _,
        comment: _,
        row_security: _,
        renamed_from: _,
    } = t;
    let mut items: Vec<String> = t.columns.iter().map(column_def).collect();
    items.extend(t.primary_key.iter().map(primary_key_def));
    items.extend(t.uniques.iter().map(unique_def));
    items.extend(t.checks.iter().filter(|c| c.valid).map(check_def));
    if items.is_empty() {
        return format!("CREATE TABLE {} ()", t.name);
    }
    format!(
        "CREATE TABLE {} (\n    {}\n)",
        t.name,
        items.join(",\n    ")
    )
}

/// The clauses of `ALTER TABLE` that take row-level security from `old` to `new`.
pub fn row_security_clauses(old: crate::RowSecurity, new: crate::RowSecurity) -> Vec<&'static str> {
    let mut out = Vec::new();
    if old.enabled != new.enabled {
        out.push(if new.enabled {
            "ENABLE ROW LEVEL SECURITY"
        } else {
            "DISABLE ROW LEVEL SECURITY"
        });
    }
    if old.forced != new.forced {
        out.push(if new.forced {
            "FORCE ROW LEVEL SECURITY"
        } else {
            "NO FORCE ROW LEVEL SECURITY"
        });
    }
    out
}

/// The roles of a policy as `TO` lists them (`PUBLIC` for `public`).
pub fn policy_roles(p: &crate::Policy) -> String {
    p.roles
        .iter()
        .map(|r| {
            if r == "public" {
                "PUBLIC".to_owned()
            } else {
                Ident::new(r.as_str()).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `CREATE POLICY name ON table AS ... FOR ... TO ... USING (...) WITH CHECK (...)`.
pub fn create_policy(p: &crate::Policy) -> String {
    let mut s = format!(
        "CREATE POLICY {} ON {} AS {} FOR {} TO {}",
        p.id.name,
        p.id.table,
        if p.permissive {
            "PERMISSIVE"
        } else {
            "RESTRICTIVE"
        },
        p.command.keyword(),
        policy_roles(p)
    );
    if let Some(e) = &p.using {
        let _ = write!(s, " USING ({e})");
    }
    if let Some(e) = &p.with_check {
        let _ = write!(s, " WITH CHECK ({e})");
    }
    s
}

/// `WITH (a=1, b=x)` for stored options (empty when there are none), with a leading space.
pub fn with_options(options: &std::collections::BTreeMap<String, String>) -> String {
    if options.is_empty() {
        return String::new();
    }
    let items: Vec<String> = options.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!(" WITH ({})", items.join(", "))
}

/// `CREATE [MATERIALIZED] VIEW name WITH (...) AS query` (no trailing semicolon; a
/// materialized view is created `WITH DATA`, the default).
pub fn create_view(v: &View) -> String {
    create_view_as(v, "CREATE")
}

/// The same with another verb (`CREATE OR REPLACE`).
pub fn create_view_as(v: &View, verb: &str) -> String {
    let (opts, check) = split_check_option(v);
    let mut s = format!(
        "{verb} {} {}{} AS\n{}",
        v.keyword(),
        v.name,
        with_options(&opts),
        v.definition
    );
    if let Some(c) = check {
        let _ = write!(s, "\n  WITH {} CHECK OPTION", c.to_uppercase());
    }
    s
}

/// A view's options without `check_option`, and `check_option` (which `CREATE VIEW` takes as a
/// clause after the query; both spellings store the same option).
fn split_check_option(v: &View) -> (std::collections::BTreeMap<String, String>, Option<String>) {
    let mut opts = v.options.clone();
    let check = opts.remove("check_option");
    (opts, check)
}

/// A view or a function, in the order [`sql_objects_in_order`] gives them.
#[derive(Debug, Clone, Copy)]
pub enum SqlObject<'a> {
    View(&'a View),
    Function(&'a crate::Function),
}

/// Whether a function needs relations to exist when it is created (a `BEGIN ATOMIC` body that
/// uses tables, columns or views); the others can be created before every table.
pub fn needs_relations(f: &crate::Function) -> bool {
    f.depends_on.iter().any(|d| {
        matches!(
            d,
            crate::Dependency::Table(_)
                | crate::Dependency::Column(..)
                | crate::Dependency::View(_)
        )
    })
}

/// The views, and the functions that need relations, each after the views and functions it
/// uses (then views before functions, by name): what comes after the tables.
pub fn sql_objects_in_order(s: &Schema) -> Vec<SqlObject<'_>> {
    #[derive(PartialEq, Eq, PartialOrd, Ord, Clone)]
    enum Id {
        View(QualifiedName),
        Function(crate::FunctionId),
    }
    let mut left: Vec<(Id, SqlObject<'_>, &[crate::Dependency])> = s
        .views
        .values()
        .map(|v| {
            (
                Id::View(v.name.clone()),
                SqlObject::View(v),
                v.depends_on.as_slice(),
            )
        })
        .chain(
            s.functions
                .values()
                .filter(|f| needs_relations(f))
                .map(|f| {
                    (
                        Id::Function(f.id.clone()),
                        SqlObject::Function(f),
                        f.depends_on.as_slice(),
                    )
                }),
        )
        .collect();
    let pending: std::collections::BTreeSet<Id> =
        left.iter().map(|(id, _, _)| id.clone()).collect();
    let mut placed = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|(id, obj, deps)| {
            let ready = deps.iter().all(|d| {
                let needed = match d {
                    crate::Dependency::View(q) => Id::View(q.clone()),
                    crate::Dependency::Function(f) => Id::Function(f.clone()),
                    _ => return true,
                };
                needed == *id || placed.contains(&needed) || !pending.contains(&needed)
            });
            if ready {
                placed.insert(id.clone());
                out.push(*obj);
            }
            !ready
        });
        if left.len() == before {
            // PostgreSQL allows no cycle here; keep whatever is left in name order
            out.extend(left.drain(..).map(|(_, obj, _)| obj));
        }
    }
    out
}

/// Prints a script that recreates the schema in an empty database, in dependency order:
/// schemas, extensions, enums, sequences, tables, indexes, foreign keys, comments.
impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut section = Section::default();
        for ns in self.namespaces.values() {
            section.start(f)?;
            writeln!(f, "CREATE SCHEMA IF NOT EXISTS {};", ns.name)?;
        }
        for ext in self.extensions.values() {
            section.start(f)?;
            writeln!(
                f,
                "CREATE EXTENSION IF NOT EXISTS {} WITH SCHEMA {};",
                ext.name, ext.schema
            )?;
        }
        for e in self.enums.values() {
            section.start(f)?;
            writeln!(f, "{};", create_enum(e))?;
        }
        for s in self.sequences.values() {
            section.start(f)?;
            writeln!(f, "{};", create_sequence(s))?;
        }
        if !self.functions.is_empty() {
            // bodies are checked when the functions run, not before every table exists
            section.start(f)?;
            writeln!(f, "SET check_function_bodies = false;")?;
        }
        for func in self.functions.values().filter(|x| !needs_relations(x)) {
            section.start(f)?;
            writeln!(f, "{};", func.definition)?;
        }
        for t in self.tables.values() {
            section.start(f)?;
            for c in &t.columns {
                if let Some(s) = &c.owned_sequence {
                    writeln!(f, "{};", create_sequence(s))?;
                }
            }
            writeln!(f, "{};", create_table(t))?;
            for c in &t.columns {
                if let Some(s) = &c.owned_sequence {
                    writeln!(
                        f,
                        "ALTER SEQUENCE {} OWNED BY {}.{};",
                        s.name, t.name, c.name
                    )?;
                }
            }
        }
        for t in self.tables.values() {
            for ix in &t.indexes {
                section.start(f)?;
                writeln!(f, "{};", create_index(&t.name, ix))?;
            }
        }
        for t in self.tables.values() {
            for fk in &t.foreign_keys {
                section.start(f)?;
                writeln!(f, "ALTER TABLE {} ADD {};", t.name, foreign_key_def(fk))?;
            }
            for c in t.checks.iter().filter(|c| !c.valid) {
                section.start(f)?;
                writeln!(f, "ALTER TABLE {} ADD {};", t.name, check_def(c))?;
            }
        }
        for s in self.sequences.values() {
            if let Some((table, col)) = &s.owned_by {
                section.start(f)?;
                writeln!(f, "ALTER SEQUENCE {} OWNED BY {table}.{col};", s.name)?;
            }
        }
        for o in sql_objects_in_order(self) {
            section.start(f)?;
            match o {
                SqlObject::View(v) => {
                    writeln!(f, "{};", create_view(v))?;
                    for ix in &v.indexes {
                        writeln!(f, "{};", create_index(&v.name, ix))?;
                    }
                }
                SqlObject::Function(func) => writeln!(f, "{};", func.definition)?,
            }
        }
        for x in self.statistics.values() {
            section.start(f)?;
            writeln!(f, "{};", x.definition)?;
            if let Some(n) = x.target {
                writeln!(f, "ALTER STATISTICS {} SET STATISTICS {n};", x.name)?;
            }
        }
        for t in self.tables.values() {
            for s in row_security_clauses(crate::RowSecurity::default(), t.row_security) {
                section.start(f)?;
                writeln!(f, "ALTER TABLE {} {s};", t.name)?;
            }
        }
        for p in self.policies.values() {
            section.start(f)?;
            writeln!(f, "{};", create_policy(p))?;
        }
        for t in self.triggers.values() {
            section.start(f)?;
            writeln!(f, "{};", t.definition)?;
            if t.enabled != crate::TriggerEnabled::Origin {
                writeln!(
                    f,
                    "ALTER TABLE {} {} {};",
                    t.id.table,
                    t.enabled.clause(),
                    t.id.name
                )?;
            }
        }
        let mut comments = String::new();
        {
            let mut c = |what: &str, target: String, text: &Option<String>| {
                if let Some(text) = text {
                    let _ = writeln!(
                        comments,
                        "COMMENT ON {what} {target} IS {};",
                        quote_literal(text)
                    );
                }
            };
            for ns in self.namespaces.values() {
                c("SCHEMA", ns.name.to_string(), &ns.comment);
            }
            for e in self.enums.values() {
                c("TYPE", e.name.to_string(), &e.comment);
            }
            for s in self.sequences.values() {
                c("SEQUENCE", s.name.to_string(), &s.comment);
            }
            for t in self.tables.values() {
                c("TABLE", t.name.to_string(), &t.comment);
                for col in &t.columns {
                    c("COLUMN", format!("{}.{}", t.name, col.name), &col.comment);
                }
                for ix in &t.indexes {
                    let name = QualifiedName::new(t.name.schema.clone(), ix.name.clone());
                    c("INDEX", name.to_string(), &ix.comment);
                }
            }
            for v in self.views.values() {
                c(v.keyword(), v.name.to_string(), &v.comment);
                for ix in &v.indexes {
                    let name = QualifiedName::new(v.name.schema.clone(), ix.name.clone());
                    c("INDEX", name.to_string(), &ix.comment);
                }
            }
            for func in self.functions.values() {
                c(func.kind.keyword(), func.signature(), &func.comment);
            }
            for t in self.triggers.values() {
                c(
                    "TRIGGER",
                    format!("{} ON {}", t.id.name, t.id.table),
                    &t.comment,
                );
            }
            for p in self.policies.values() {
                c(
                    "POLICY",
                    format!("{} ON {}", p.id.name, p.id.table),
                    &p.comment,
                );
            }
        }
        if !comments.is_empty() {
            section.start(f)?;
            f.write_str(&comments)?;
        }
        Ok(())
    }
}

/// Separates consecutive statements by blank lines between groups, without a leading blank line.
#[derive(Default)]
struct Section {
    started: bool,
}

impl Section {
    fn start(&mut self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.started {
            writeln!(f)?;
        }
        self.started = true;
        Ok(())
    }
}
