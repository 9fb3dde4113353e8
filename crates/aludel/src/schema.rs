//! The declared `Schema`: models, enums, extensions, sequences, SQL objects (views,
//! functions, triggers as SQL text, and the models' trigger attributes as the SQL they stand for)
//! and row-level security policies (the models' and those on tables the application does not
//! own) registered explicitly with a builder, checked as a whole when built (foreign keys,
//! duplicate names, unknown columns, what each policy's command allows and where it is).

use std::any::type_name;
use std::collections::{BTreeMap, BTreeSet};

use aludel_schema::{
    ColumnType, EnumType, Extension, Ident, IndexTarget, Namespace, Policy, PolicyId,
    QualifiedName, Schema as IrSchema, Sequence, SqlSource, Table, identity_sequence_name,
};

use crate::{Model, PgEnum, PolicyBuilder, Problem, SchemaError};

/// Everything an application declares: the IR of its models ([`Schema::ir`]) plus what autogen
/// needs besides, the tables dropped on purpose and the external tables foreign keys may point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    ir: IrSchema,
    dropped: BTreeSet<QualifiedName>,
    external_tables: BTreeMap<QualifiedName, Vec<Ident>>,
}

impl Schema {
    /// Starts an empty declaration; register every model with [`SchemaBuilder::model`].
    pub fn builder() -> SchemaBuilder {
        SchemaBuilder::default()
    }

    /// The declared objects as IR: namespaces, extensions, enums, sequences, tables (with
    /// their row-level security switches), policies (the models' [`Model::policies`] and
    /// [`SchemaBuilder::policy`]'s), and the declared SQL in `declared_sql`: the
    /// [`SchemaBuilder::sql`] sources in declaration order, then the models' triggers
    /// ([`Model::triggers`]) in registration order.
    pub fn ir(&self) -> &IrSchema {
        &self.ir
    }

    pub fn into_ir(self) -> IrSchema {
        self.ir
    }

    /// Tables that migrations may drop: they exist in the history but no longer in the models.
    pub fn dropped(&self) -> &BTreeSet<QualifiedName> {
        &self.dropped
    }

    /// Tables the application does not own but references, with the columns it may reference
    /// (empty when not listed: any column).
    pub fn external_tables(&self) -> &BTreeMap<QualifiedName, Vec<Ident>> {
        &self.external_tables
    }
}

/// Collects declarations; [`SchemaBuilder::build`] checks them together.
///
/// Registration is explicit (a list in one place) because a model that nothing registers
/// must not look like a deleted table: [`Schema::dropped`] is the only way to drop one, and a
/// foreign key to a table that is neither registered nor external is an error.
#[derive(Debug, Default)]
pub struct SchemaBuilder {
    tables: Vec<Registered>,
    /// Policies of [`SchemaBuilder::policy`], with who declared them.
    policies: Vec<(Policy, String)>,
    enums: Vec<(EnumType, String)>,
    extensions: Vec<Extension>,
    sequences: Vec<Sequence>,
    sql: Vec<SqlSource>,
    external: Vec<(QualifiedName, Vec<Ident>)>,
    dropped: Vec<QualifiedName>,
    problems: Vec<Problem>,
}

/// One registered table: who declared it, its triggers' SQL and its policies.
#[derive(Debug)]
struct Registered {
    table: Table,
    by: String,
    triggers: Vec<SqlSource>,
    policies: Vec<Policy>,
}

impl SchemaBuilder {
    /// Registers a model's table, the enum types its columns use, its triggers
    /// (`#[aludel(trigger(...))]`, declared SQL like that of [`SchemaBuilder::sql`]) and its
    /// policies (`#[aludel(policy(...))]`).
    pub fn model<M: Model>(mut self) -> Self {
        let by = format!("`{}`", type_name::<M>());
        for e in M::enum_types() {
            self.enums.push((e, by.clone()));
        }
        self.tables.push(Registered {
            table: M::table(),
            by,
            triggers: M::triggers(),
            policies: M::policies(),
        });
        self
    }

    /// Registers a table built by hand.
    pub fn table(mut self, table: Table) -> Self {
        let by = format!("`.table({})`", table.name);
        self.tables.push(Registered {
            table,
            by,
            triggers: Vec::new(),
            policies: Vec::new(),
        });
        self
    }

    /// A row-level security policy declared outside a model, typically on a table the
    /// application does not own but protects (Supabase's `storage.objects`), which must then be
    /// declared with [`SchemaBuilder::external_table`]; a policy on a table that is neither a
    /// model's nor external is a [`Problem::PolicyOnUnknownTable`]. Migrations create, alter
    /// and drop it like a model's policy; the table itself is never touched (its
    /// `ENABLE ROW LEVEL SECURITY` is the platform's).
    ///
    /// ```
    /// use aludel::PolicyBuilder;
    /// use aludel::ir::PolicyCommand;
    ///
    /// let schema = aludel::Schema::builder()
    ///     .external_table("storage.objects")
    ///     .policy(
    ///         PolicyBuilder::new("storage.objects", "avatars_read")
    ///             .command(PolicyCommand::Select)
    ///             .to(["authenticated"])
    ///             .using("bucket_id = 'avatars'"),
    ///     )
    ///     .build()?;
    /// assert_eq!(schema.ir().policies.len(), 1);
    /// # Ok::<(), aludel::SchemaError>(())
    /// ```
    pub fn policy(mut self, policy: PolicyBuilder) -> Self {
        match policy.into_policy() {
            Ok(p) => {
                let by = format!("`.policy({})`", p.id.name);
                self.policies.push((p, by));
            }
            Err((spec, reason)) => self.problems.push(Problem::Malformed {
                what: "policy table",
                input: spec,
                reason,
                example: "`PolicyBuilder::new(\"storage.objects\", \"avatars_read\")`",
            }),
        }
        self
    }

    /// Registers an enum type no model column uses (those of the models come with them).
    pub fn enum_type<E: PgEnum>(mut self) -> Self {
        self.enums
            .push((E::enum_type(), format!("`{}`", type_name::<E>())));
        self
    }

    /// An extension the migrations install, in schema `public`.
    pub fn extension(self, name: &str) -> Self {
        self.extension_in(name, "public")
    }

    /// An extension the migrations install, in the given schema.
    pub fn extension_in(mut self, name: &str, schema: &str) -> Self {
        self.extensions.push(Extension {
            name: Ident::new(name),
            schema: Ident::new(schema),
        });
        self
    }

    /// A standalone sequence the migrations create.
    pub fn sequence(mut self, sequence: Sequence) -> Self {
        self.sequences.push(sequence);
        self
    }

    /// SQL objects written as SQL: views, materialized views and their indexes, functions,
    /// procedures, triggers, comments on them; typically one file per object next to the
    /// models. `origin` names the source in errors (the file, as the crate sees it).
    ///
    /// ```
    /// # use aludel::Model;
    /// # #[derive(Model)]
    /// # #[aludel(table = "agents")]
    /// # struct Agent { #[aludel(primary_key)] id: i64, updated_at: Option<String> }
    /// let schema = aludel::Schema::builder()
    ///     .model::<Agent>()
    ///     // in a crate: .sql("sql/set_updated_at.sql", include_str!("sql/set_updated_at.sql"))
    ///     .sql(
    ///         "sql/set_updated_at.sql",
    ///         "CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    ///          BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
    ///          CREATE TRIGGER agents_updated_at BEFORE UPDATE ON public.agents
    ///              FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();",
    ///     )
    ///     .build()?;
    /// assert_eq!(schema.ir().declared_sql.len(), 1);
    /// # Ok::<(), aludel::SchemaError>(())
    /// ```
    ///
    /// The statements may come in any order, within a source and across sources:
    /// `create_all` (and so autogen's models side) runs them, with the models' own DDL, in
    /// dependency order in one transaction, with function bodies checked
    /// (`check_function_bodies`), and names the source, line and statement of any that fails.
    /// What PostgreSQL normalises (view and trigger definitions, `BEGIN ATOMIC` bodies) is
    /// compared as PostgreSQL prints it; `$$`-quoted bodies compare verbatim.
    ///
    /// A rename hint for an object of a source is a comment line above its `CREATE` statement:
    /// `-- aludel: renamed_from public.old_name` (a trigger's old name is unqualified).
    pub fn sql(mut self, origin: &str, sql: &str) -> Self {
        self.sql.push(SqlSource::new(origin, sql));
        self
    }

    /// A table the application references but does not own, as `"schema.table(col, ...)"`
    /// (`"auth.users(id)"`); without columns any column may be referenced; without a schema,
    /// `public`.
    pub fn external_table(mut self, spec: &str) -> Self {
        match parse_table_spec(spec, true) {
            Ok((name, columns)) => self.external.push((name, columns)),
            Err(reason) => self.problems.push(Problem::Malformed {
                what: "external table",
                input: spec.to_owned(),
                reason,
                example: "`.external_table(\"auth.users(id)\")`",
            }),
        }
        self
    }

    /// A table that exists in the migration history and is dropped on purpose, as
    /// `"schema.table"` (without a schema, `public`).
    pub fn dropped(mut self, table: &str) -> Self {
        match parse_table_spec(table, false) {
            Ok((name, _)) => self.dropped.push(name),
            Err(reason) => self.problems.push(Problem::Malformed {
                what: "dropped table",
                input: table.to_owned(),
                reason,
                example: "`.dropped(\"public.old_table\")`",
            }),
        }
        self
    }

    /// Checks the declarations together and returns the schema, or every problem found.
    pub fn build(self) -> Result<Schema, SchemaError> {
        let mut problems = self.problems;
        let mut ir = IrSchema::new();
        let mut origin: BTreeMap<QualifiedName, String> = BTreeMap::new();
        let mut triggers: Vec<SqlSource> = Vec::new();

        let mut policies: Vec<(Policy, String)> = Vec::new();
        for Registered {
            table,
            by,
            triggers: table_triggers,
            policies: table_policies,
        } in self.tables
        {
            if let Some(first) = origin.get(&table.name) {
                if first != &by {
                    problems.push(Problem::DuplicateTable {
                        table: table.name.clone(),
                        first: first.clone(),
                        second: by,
                    });
                }
                continue;
            }
            policies.extend(table_policies.into_iter().map(|p| (p, by.clone())));
            origin.insert(table.name.clone(), by);
            ir.add_table(table);
            triggers.extend(table_triggers);
        }
        policies.extend(self.policies);

        let mut enum_origin: BTreeMap<QualifiedName, String> = BTreeMap::new();
        for (e, by) in self.enums {
            match ir.enums.get(&e.name) {
                Some(existing) if existing == &e => {}
                Some(_) => problems.push(Problem::DuplicateEnum {
                    name: e.name.clone(),
                    first: enum_origin[&e.name].clone(),
                    second: by,
                }),
                None => {
                    enum_origin.insert(e.name.clone(), by);
                    ir.add_enum(e);
                }
            }
        }

        for s in self.sequences {
            if ir.sequences.contains_key(&s.name) {
                problems.push(Problem::DuplicateSequence { name: s.name });
            } else {
                ir.add_sequence(s);
            }
        }
        for ext in self.extensions {
            ir.add_extension(ext);
        }
        for (i, source) in self.sql.iter().enumerate() {
            if self.sql[..i].iter().any(|s| s.origin == source.origin) {
                problems.push(Problem::DuplicateSql {
                    origin: source.origin.clone(),
                });
            }
        }
        ir.declared_sql = self.sql;
        // after the files: `create_all` retries a trigger until its function exists, so the
        // order is only that of the error messages
        ir.declared_sql.extend(triggers);

        let dropped: BTreeSet<QualifiedName> = self.dropped.into_iter().collect();
        for name in &dropped {
            if let Some(by) = origin.get(name) {
                problems.push(Problem::DroppedButDeclared {
                    table: name.clone(),
                    by: by.clone(),
                });
            }
        }
        let external_tables: BTreeMap<QualifiedName, Vec<Ident>> =
            self.external.into_iter().collect();
        for name in external_tables.keys() {
            if let Some(by) = origin.get(name) {
                problems.push(Problem::ExternalButDeclared {
                    table: name.clone(),
                    by: by.clone(),
                });
            }
        }

        let mut policy_origin: BTreeMap<PolicyId, String> = BTreeMap::new();
        for (p, by) in policies {
            if let Some(first) = policy_origin.get(&p.id) {
                problems.push(Problem::DuplicatePolicy {
                    policy: p.id.clone(),
                    first: first.clone(),
                    second: by,
                });
                continue;
            }
            check_policy(&p, &by, &mut problems);
            if !ir.tables.contains_key(&p.id.table) && !external_tables.contains_key(&p.id.table) {
                problems.push(Problem::PolicyOnUnknownTable {
                    table: p.id.table.clone(),
                    policy: p.id.clone(),
                    by: by.clone(),
                });
            }
            policy_origin.insert(p.id.clone(), by);
            ir.add_policy(p);
        }

        for table in ir.tables.values() {
            let by = &origin[&table.name];
            check_columns(table, by, &mut problems);
            check_enums(table, by, &ir, &mut problems);
            check_foreign_keys(table, by, &ir, &origin, &external_tables, &mut problems);
            if let Some(old) = &table.renamed_from
                && let Some(old_by) = origin.get(old)
            {
                problems.push(Problem::RenamedFromDeclared {
                    kind: "table",
                    name: table.name.clone(),
                    by: by.clone(),
                    old: old.clone(),
                    old_by: old_by.clone(),
                });
            }
        }
        for e in ir.enums.values() {
            if let Some(old) = &e.renamed_from
                && let Some(old_by) = enum_origin.get(old)
            {
                problems.push(Problem::RenamedFromDeclared {
                    kind: "enum type",
                    name: e.name.clone(),
                    by: enum_origin[&e.name].clone(),
                    old: old.clone(),
                    old_by: old_by.clone(),
                });
            }
        }
        check_relation_names(&ir, &origin, &mut problems);

        let mut schemas: BTreeSet<Ident> = BTreeSet::new();
        schemas.extend(ir.tables.keys().map(|n| n.schema.clone()));
        schemas.extend(ir.enums.keys().map(|n| n.schema.clone()));
        schemas.extend(ir.sequences.keys().map(|n| n.schema.clone()));
        schemas.extend(ir.extensions.values().map(|e| e.schema.clone()));
        for name in schemas {
            ir.add_namespace(Namespace {
                name,
                comment: None,
                renamed_from: None,
            });
        }

        if problems.is_empty() {
            Ok(Schema {
                ir,
                dropped,
                external_tables,
            })
        } else {
            Err(SchemaError { problems })
        }
    }
}

/// Parses `schema.table` or `table` (schema `public`), with `(col, ...)` when `columns` is allowed.
pub(crate) fn parse_table_spec(
    spec: &str,
    columns: bool,
) -> Result<(QualifiedName, Vec<Ident>), &'static str> {
    let spec = spec.trim();
    let (name, cols) = match spec.find('(') {
        Some(open) if columns => {
            let inner = spec[open + 1..]
                .strip_suffix(')')
                .ok_or("the column list has no closing parenthesis")?;
            let cols: Vec<Ident> = inner.split(',').map(|c| Ident::new(c.trim())).collect();
            if cols.iter().any(|c| c.as_str().is_empty()) {
                return Err("the column list has an empty column name");
            }
            (spec[..open].trim(), cols)
        }
        Some(_) => return Err("a column list is not expected here"),
        None => (spec, Vec::new()),
    };
    let parts: Vec<&str> = name.split('.').collect();
    let qualified = match parts.as_slice() {
        [table] => QualifiedName::new("public", *table),
        [schema, table] => QualifiedName::new(*schema, *table),
        _ => return Err("a table name has at most one `.`"),
    };
    if qualified.schema.as_str().is_empty() || qualified.name.as_str().is_empty() {
        return Err("the schema or table name is empty");
    }
    if name.contains(char::is_whitespace) {
        return Err("the name contains white space");
    }
    Ok((qualified, cols))
}

/// What PostgreSQL's `CREATE POLICY` would refuse, or read differently than written: a clause
/// the command does not take, no clause at all, no role, a name it would cut.
fn check_policy(p: &Policy, by: &str, problems: &mut Vec<Problem>) {
    let mut invalid = |reason: String, hint: &'static str| {
        problems.push(Problem::InvalidPolicy {
            policy: p.id.clone(),
            by: by.to_owned(),
            reason,
            hint,
        });
    };
    let command = p.command.keyword();
    let (takes_using, takes_check) = p.command.takes();
    if p.using.is_some() && !takes_using {
        invalid(
            format!("is FOR {command} with a USING clause, which {command} policies do not take"),
            "an INSERT policy checks new rows only: give the condition as WITH CHECK (`.with_check(...)`)",
        );
    }
    if p.with_check.is_some() && !takes_check {
        invalid(
            format!(
                "is FOR {command} with a WITH CHECK clause, which {command} policies do not take"
            ),
            "a SELECT or DELETE policy sees existing rows only: give the condition as USING (`.using(...)`)",
        );
    }
    if p.using.is_none() && p.with_check.is_none() {
        invalid(
            "has neither USING nor WITH CHECK".to_owned(),
            "give the condition (`.using(\"true\")` for every row)",
        );
    }
    if p.roles.is_empty() {
        invalid(
            "applies to no role".to_owned(),
            "name its roles, or leave them out for every role (PUBLIC)",
        );
    }
    let name = p.id.name.as_str();
    if name.is_empty() || name.len() > aludel_schema::naming::MAX_IDENT_BYTES {
        invalid(
            "has an empty name or one longer than PostgreSQL's 63 bytes".to_owned(),
            "choose a name of 1 to 63 bytes",
        );
    }
}

fn column_names(table: &Table) -> String {
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    names.join(", ")
}

fn check_columns(table: &Table, by: &str, problems: &mut Vec<Problem>) {
    let mut uses: Vec<(String, &Ident)> = Vec::new();
    if let Some(pk) = &table.primary_key {
        let what = format!("primary key {}", pk.name);
        uses.extend(
            pk.columns
                .iter()
                .chain(&pk.include)
                .map(|c| (what.clone(), c)),
        );
    }
    for u in &table.uniques {
        let what = format!("unique constraint {}", u.name);
        uses.extend(
            u.columns
                .iter()
                .chain(&u.include)
                .map(|c| (what.clone(), c)),
        );
    }
    for fk in &table.foreign_keys {
        let what = format!("foreign key {}", fk.name);
        uses.extend(fk.columns.iter().map(|c| (what.clone(), c)));
    }
    for ix in &table.indexes {
        let what = format!("index {}", ix.name);
        for k in &ix.keys {
            if let IndexTarget::Column(c) = &k.target {
                uses.push((what.clone(), c));
            }
        }
        uses.extend(ix.include.iter().map(|c| (what.clone(), c)));
    }
    for (object, column) in uses {
        if table.column(column).is_none() {
            problems.push(Problem::UnknownColumn {
                table: table.name.clone(),
                by: by.to_owned(),
                object,
                column: column.clone(),
                available: column_names(table),
            });
        }
    }
}

fn check_enums(table: &Table, by: &str, ir: &IrSchema, problems: &mut Vec<Problem>) {
    for c in &table.columns {
        let mut ty = &c.ty;
        while let ColumnType::Array { element } = ty {
            ty = element;
        }
        if let ColumnType::Enum { name } = ty
            && !ir.enums.contains_key(name)
        {
            problems.push(Problem::UnknownEnum {
                table: table.name.clone(),
                column: c.name.clone(),
                by: by.to_owned(),
                enum_name: name.clone(),
            });
        }
    }
}

fn check_foreign_keys(
    table: &Table,
    by: &str,
    ir: &IrSchema,
    origin: &BTreeMap<QualifiedName, String>,
    external: &BTreeMap<QualifiedName, Vec<Ident>>,
    problems: &mut Vec<Problem>,
) {
    for fk in &table.foreign_keys {
        if fk.columns.len() != fk.ref_columns.len() {
            problems.push(Problem::ReferenceArity {
                table: table.name.clone(),
                constraint: fk.name.clone(),
                by: by.to_owned(),
                local: fk.columns.len(),
                remote: fk.ref_columns.len(),
            });
            continue;
        }
        if let Some(target) = ir.tables.get(&fk.ref_table) {
            let referenced_by = origin[&target.name].clone();
            let mut all_known = true;
            for col in &fk.ref_columns {
                if target.column(col).is_none() {
                    all_known = false;
                    problems.push(Problem::UnknownReferencedColumn {
                        table: table.name.clone(),
                        constraint: fk.name.clone(),
                        by: by.to_owned(),
                        referenced: target.name.clone(),
                        referenced_by: referenced_by.clone(),
                        column: col.clone(),
                        available: column_names(target),
                    });
                }
            }
            if all_known && !is_unique_key(target, &fk.ref_columns) {
                problems.push(Problem::ReferenceNotUnique {
                    table: table.name.clone(),
                    constraint: fk.name.clone(),
                    by: by.to_owned(),
                    referenced: target.name.clone(),
                    referenced_by,
                    columns: aludel_schema::display::ident_list(&fk.ref_columns),
                });
            }
        } else if let Some(columns) = external.get(&fk.ref_table) {
            for col in &fk.ref_columns {
                if !columns.is_empty() && !columns.contains(col) {
                    problems.push(Problem::UnknownReferencedColumn {
                        table: table.name.clone(),
                        constraint: fk.name.clone(),
                        by: by.to_owned(),
                        referenced: fk.ref_table.clone(),
                        referenced_by: "`.external_table(...)`".to_owned(),
                        column: col.clone(),
                        available: aludel_schema::display::ident_list(columns),
                    });
                }
            }
        } else {
            problems.push(Problem::UnknownReferencedTable {
                table: table.name.clone(),
                constraint: fk.name.clone(),
                by: by.to_owned(),
                referenced: fk.ref_table.clone(),
            });
        }
    }
}

/// Whether `columns` (as a set) are the primary key, a unique constraint, or the plain columns
/// of a unique, non-partial index of `table`, as PostgreSQL requires of referenced columns.
fn is_unique_key(table: &Table, columns: &[Ident]) -> bool {
    let wanted: BTreeSet<&Ident> = columns.iter().collect();
    let same = |cols: &[Ident]| {
        cols.len() == columns.len() && cols.iter().collect::<BTreeSet<_>>() == wanted
    };
    table
        .primary_key
        .as_ref()
        .is_some_and(|pk| same(&pk.columns))
        || table.uniques.iter().any(|u| same(&u.columns))
        || table.indexes.iter().any(|ix| {
            ix.unique
                && ix.predicate.is_none()
                && ix.keys.len() == columns.len()
                && ix.keys.iter().all(|k| match &k.target {
                    IndexTarget::Column(c) => wanted.contains(c),
                    IndexTarget::Expression(_) => false,
                })
        })
}

/// Tables, indexes (also those behind primary keys and unique constraints) and sequences
/// (also identity sequences) share one namespace per schema in PostgreSQL.
fn check_relation_names(
    ir: &IrSchema,
    origin: &BTreeMap<QualifiedName, String>,
    problems: &mut Vec<Problem>,
) {
    let mut seen: BTreeMap<QualifiedName, String> = BTreeMap::new();
    let mut claim = |name: QualifiedName, what: String, problems: &mut Vec<Problem>| {
        if let Some(first) = seen.get(&name) {
            problems.push(Problem::RelationNameClash {
                schema: name.schema.clone(),
                name: name.name.clone(),
                first: first.clone(),
                second: what,
            });
        } else {
            seen.insert(name, what);
        }
    };
    for t in ir.tables.values() {
        claim(
            t.name.clone(),
            format!("table {} (declared by {})", t.name, origin[&t.name]),
            problems,
        );
    }
    for t in ir.tables.values() {
        let schema = &t.name.schema;
        let by = &origin[&t.name];
        let mut relation = |name: &Ident, what: &str, problems: &mut Vec<Problem>| {
            claim(
                QualifiedName::new(schema.clone(), name.clone()),
                format!("{what} {name} of {} (declared by {by})", t.name),
                problems,
            );
        };
        if let Some(pk) = &t.primary_key {
            relation(&pk.name, "primary key", problems);
        }
        for u in &t.uniques {
            relation(&u.name, "unique constraint", problems);
        }
        for ix in &t.indexes {
            relation(&ix.name, "index", problems);
        }
        for c in &t.columns {
            if let Some(id) = &c.identity {
                let name = identity_sequence_name(&t.name, &c.name, id.sequence_name.as_ref());
                claim(
                    name,
                    format!(
                        "the identity sequence of {}.{} (declared by {by})",
                        t.name, c.name
                    ),
                    problems,
                );
            }
        }
    }
    for s in ir.sequences.values() {
        claim(s.name.clone(), format!("sequence {}", s.name), problems);
    }
}
