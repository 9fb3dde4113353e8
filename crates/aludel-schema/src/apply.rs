//! `Schema::apply`: a `Change` applied to the IR in memory, mirroring what PostgreSQL does
//! (including the names it does not change, such as an identity sequence after a table rename).

use std::fmt;

use crate::change::{Change, CommentTarget, Constraint};
use crate::{ColumnType, Ident, QualifiedName, Schema, Sequence, Table, naming};

/// A change that does not fit the schema it is applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The object the change needs is missing.
    Missing { kind: &'static str, name: String },
    /// The object the change makes already exists.
    Exists { kind: &'static str, name: String },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::Missing { kind, name } => write!(f, "{kind} {name} does not exist"),
            ApplyError::Exists { kind, name } => write!(f, "{kind} {name} already exists"),
        }
    }
}

impl std::error::Error for ApplyError {}

fn missing(kind: &'static str, name: impl fmt::Display) -> ApplyError {
    ApplyError::Missing {
        kind,
        name: name.to_string(),
    }
}

fn exists(kind: &'static str, name: impl fmt::Display) -> ApplyError {
    ApplyError::Exists {
        kind,
        name: name.to_string(),
    }
}

/// The name of a column's identity sequence as PostgreSQL has it.
pub fn identity_sequence_name(
    table: &QualifiedName,
    column: &Ident,
    explicit: Option<&QualifiedName>,
) -> QualifiedName {
    explicit.cloned().unwrap_or_else(|| {
        QualifiedName::new(
            table.schema.clone(),
            naming::sequence(table.name.as_str(), column.as_str()),
        )
    })
}

/// The `sequence_name` an identity needs to keep the sequence `actual`: `None` when it is the default.
fn identity_name_field(
    table: &QualifiedName,
    column: &Ident,
    actual: QualifiedName,
) -> Option<QualifiedName> {
    if identity_sequence_name(table, column, None) == actual {
        None
    } else {
        Some(actual)
    }
}

fn rename_type(ty: &mut ColumnType, from: &QualifiedName, to: &QualifiedName) {
    match ty {
        ColumnType::Enum { name } if name == from => *name = to.clone(),
        ColumnType::Array { element } => rename_type(element, from, to),
        _ => {}
    }
}

fn rename_in(list: &mut [Ident], from: &Ident, to: &Ident) {
    for c in list.iter_mut() {
        if c == from {
            *c = to.clone();
        }
    }
}

/// Rewrites every expression of `t` (defaults, generation expressions, checks, index
/// expressions and predicates), as PostgreSQL's printout changes after a rename.
fn map_table_exprs(t: &mut Table, f: &dyn Fn(&str) -> String) {
    let map = |e: &mut crate::Expr| {
        let new = f(e.as_str());
        if new != e.as_str() {
            *e = crate::Expr::new(new);
        }
    };
    for c in &mut t.columns {
        if let Some(d) = &mut c.default {
            map(d);
        }
        if let Some(g) = &mut c.generated {
            map(g);
        }
    }
    for ck in &mut t.checks {
        map(&mut ck.expr);
    }
    for ix in &mut t.indexes {
        if let Some(p) = &mut ix.predicate {
            map(p);
        }
        for k in &mut ix.keys {
            if let crate::IndexTarget::Expression(e) = &mut k.target {
                map(e);
            }
        }
    }
}

impl Schema {
    fn table_mut(&mut self, name: &QualifiedName) -> Result<&mut Table, ApplyError> {
        self.tables
            .get_mut(name)
            .ok_or_else(|| missing("table", name))
    }

    /// The indexes of a table or of a materialized view.
    fn indexes_mut(&mut self, name: &QualifiedName) -> Result<&mut Vec<crate::Index>, ApplyError> {
        if self.views.contains_key(name) {
            return Ok(&mut self.views.get_mut(name).expect("checked").indexes);
        }
        Ok(&mut self.table_mut(name)?.indexes)
    }

    fn column_mut(
        &mut self,
        table: &QualifiedName,
        column: &Ident,
    ) -> Result<&mut crate::Column, ApplyError> {
        self.table_mut(table)?
            .columns
            .iter_mut()
            .find(|c| &c.name == column)
            .ok_or_else(|| missing("column", format!("{table}.{column}")))
    }

    /// Any sequence by name: standalone or owned by a column.
    fn sequence_mut(&mut self, name: &QualifiedName) -> Option<&mut Sequence> {
        if self.sequences.contains_key(name) {
            return self.sequences.get_mut(name);
        }
        self.tables
            .values_mut()
            .flat_map(|t| t.columns.iter_mut())
            .filter_map(|c| c.owned_sequence.as_mut())
            .find(|s| &s.name == name)
    }

    /// Applies one change in memory, as PostgreSQL would apply its statements.
    pub fn apply(&mut self, change: &Change) -> Result<(), ApplyError> {
        use Change::*;
        match change {
            CreateSchema(n) => {
                if self.namespaces.contains_key(&n.name) {
                    return Err(exists("schema", &n.name));
                }
                self.add_namespace(n.clone());
            }
            DropSchema(n) => {
                self.namespaces
                    .remove(&n.name)
                    .ok_or_else(|| missing("schema", &n.name))?;
            }
            RenameSchema { from, to } => {
                let mut ns = self
                    .namespaces
                    .remove(from)
                    .ok_or_else(|| missing("schema", from))?;
                ns.name = to.clone();
                self.add_namespace(ns);
                let moved = |q: &QualifiedName| {
                    if &q.schema == from {
                        QualifiedName::new(to.clone(), q.name.clone())
                    } else {
                        q.clone()
                    }
                };
                let names: Vec<_> = self
                    .tables
                    .keys()
                    .filter(|q| &q.schema == from)
                    .cloned()
                    .collect();
                for n in names {
                    self.rename_table(&n, &moved(&n))?;
                }
                let names: Vec<_> = self
                    .enums
                    .keys()
                    .filter(|q| &q.schema == from)
                    .cloned()
                    .collect();
                for n in names {
                    self.rename_enum(&n, &moved(&n))?;
                }
                let names: Vec<_> = self
                    .sequences
                    .keys()
                    .filter(|q| &q.schema == from)
                    .cloned()
                    .collect();
                for n in names {
                    self.rename_sequence(&n, &moved(&n))?;
                }
            }
            CreateExtension(e) => {
                if self.extensions.contains_key(&e.name) {
                    return Err(exists("extension", &e.name));
                }
                self.add_extension(e.clone());
            }
            SetExtensionSchema { name, from, to } => {
                let e = self
                    .extensions
                    .get_mut(name)
                    .ok_or_else(|| missing("extension", name))?;
                if &e.schema != from {
                    return Err(missing("extension", format!("{name} in schema {from}")));
                }
                e.schema = to.clone();
            }
            DropExtension(e) => {
                self.extensions
                    .remove(&e.name)
                    .ok_or_else(|| missing("extension", &e.name))?;
            }
            CreateEnum(e) => {
                if self.enums.contains_key(&e.name) {
                    return Err(exists("type", &e.name));
                }
                let mut e = e.clone();
                e.renamed_from = None;
                for v in &mut e.values {
                    v.renamed_from = None;
                }
                self.add_enum(e);
            }
            DropEnum(e) => {
                self.enums
                    .remove(&e.name)
                    .ok_or_else(|| missing("type", &e.name))?;
            }
            RenameEnum { from, to } => self.rename_enum(from, to)?,
            AddEnumValue(a) => {
                let e = self
                    .enums
                    .get_mut(&a.enum_name)
                    .ok_or_else(|| missing("type", &a.enum_name))?;
                if e.values.iter().any(|v| v.name == a.value) {
                    return Err(exists("enum value", format!("{}.{}", a.enum_name, a.value)));
                }
                let pos = a
                    .values
                    .iter()
                    .position(|v| *v == a.value)
                    .unwrap_or(a.values.len());
                let at = if pos == 0 {
                    0
                } else {
                    let prev = &a.values[pos - 1];
                    e.values
                        .iter()
                        .position(|v| &v.name == prev)
                        .map_or(e.values.len(), |i| i + 1)
                };
                e.values.insert(at, crate::EnumValue::new(a.value.clone()));
            }
            RemoveEnumValue(a) => {
                let e = self
                    .enums
                    .get_mut(&a.enum_name)
                    .ok_or_else(|| missing("type", &a.enum_name))?;
                let before = e.values.len();
                e.values.retain(|v| v.name != a.value);
                if e.values.len() == before {
                    return Err(missing(
                        "enum value",
                        format!("{}.{}", a.enum_name, a.value),
                    ));
                }
            }
            RenameEnumValue {
                enum_name,
                from,
                to,
            } => {
                let e = self
                    .enums
                    .get_mut(enum_name)
                    .ok_or_else(|| missing("type", enum_name))?;
                let v = e
                    .values
                    .iter_mut()
                    .find(|v| &v.name == from)
                    .ok_or_else(|| missing("enum value", format!("{enum_name}.{from}")))?;
                v.name = to.clone();
                // expressions hold the value by identity: PostgreSQL prints the new label
                for t in self.tables.values_mut() {
                    map_table_exprs(t, &|e| {
                        crate::expr::rename_enum_value(e, enum_name, from, to)
                    });
                }
            }
            RecreateEnum { old, new, .. } => {
                let e = self
                    .enums
                    .get_mut(&old.name)
                    .ok_or_else(|| missing("type", &old.name))?;
                e.values = new
                    .values
                    .iter()
                    .map(|v| crate::EnumValue::new(v.name.clone()))
                    .collect();
            }
            CreateSequence(s) => {
                if self.sequences.contains_key(&s.name) {
                    return Err(exists("sequence", &s.name));
                }
                let mut s = s.clone();
                s.renamed_from = None;
                self.add_sequence(s);
            }
            DropSequence(s) => {
                self.sequences
                    .remove(&s.name)
                    .ok_or_else(|| missing("sequence", &s.name))?;
            }
            AlterSequence {
                name,
                new_type,
                new,
                ..
            } => {
                let s = self
                    .sequence_mut(name)
                    .ok_or_else(|| missing("sequence", name))?;
                s.data_type = new_type.clone();
                s.options = new.clone();
            }
            SetSequenceOwner { name, new, .. } => {
                let s = self
                    .sequence_mut(name)
                    .ok_or_else(|| missing("sequence", name))?;
                s.owned_by = new.clone();
            }
            RenameSequence { from, to } => self.rename_sequence(from, to)?,
            CreateTable(t) => {
                if self.tables.contains_key(&t.name) {
                    return Err(exists("table", &t.name));
                }
                let mut t = t.clone();
                t.renamed_from = None;
                for c in &mut t.columns {
                    c.renamed_from = None;
                }
                self.add_table(t);
            }
            DropTable(t) => {
                self.tables
                    .remove(&t.name)
                    .ok_or_else(|| missing("table", &t.name))?;
            }
            RenameTable { from, to } => self.rename_table(from, to)?,
            AddColumn { table, column } => {
                let t = self.table_mut(table)?;
                if t.column(&column.name).is_some() {
                    return Err(exists("column", format!("{table}.{}", column.name)));
                }
                let mut c = column.clone();
                c.renamed_from = None;
                t.columns.push(c);
            }
            DropColumn { table, column } => {
                let t = self.table_mut(table)?;
                let before = t.columns.len();
                t.columns.retain(|c| c.name != column.name);
                if t.columns.len() == before {
                    return Err(missing("column", format!("{table}.{}", column.name)));
                }
            }
            RenameColumn { table, from, to } => self.rename_column(table, from, to)?,
            ReplaceColumn { table, old, new } => {
                let t = self.table_mut(table)?;
                let before = t.columns.len();
                t.columns.retain(|c| c.name != old.name);
                if t.columns.len() == before {
                    return Err(missing("column", format!("{table}.{}", old.name)));
                }
                let mut c = new.clone();
                c.renamed_from = None;
                t.columns.push(c);
            }
            AlterColumnType {
                table, column, new, ..
            } => {
                let c = self.column_mut(table, column)?;
                c.ty = new.ty.clone();
                c.collation = new.collation.clone();
            }
            SetNotNull { table, column } => self.column_mut(table, column)?.nullable = false,
            DropNotNull { table, column } => self.column_mut(table, column)?.nullable = true,
            SetDefault {
                table, column, new, ..
            } => self.column_mut(table, column)?.default = new.clone(),
            AddIdentity {
                table,
                column,
                identity,
            } => {
                let c = self.column_mut(table, column)?;
                if c.identity.is_some() {
                    return Err(exists("identity", format!("{table}.{column}")));
                }
                c.identity = Some(identity.clone());
            }
            DropIdentity { table, column, .. } => {
                let c = self.column_mut(table, column)?;
                if c.identity.take().is_none() {
                    return Err(missing("identity", format!("{table}.{column}")));
                }
            }
            AlterIdentity {
                table, column, new, ..
            } => {
                let c = self.column_mut(table, column)?;
                let id = c
                    .identity
                    .as_mut()
                    .ok_or_else(|| missing("identity", format!("{table}.{column}")))?;
                id.kind = new.kind;
                id.options = new.options.clone();
            }
            SetOwnedSequence {
                table, column, new, ..
            } => self.column_mut(table, column)?.owned_sequence = new.clone(),
            AddConstraint { table, constraint } => {
                let t = self.table_mut(table)?;
                if has_constraint(t, constraint.name()) {
                    return Err(exists(
                        "constraint",
                        format!("{table}.{}", constraint.name()),
                    ));
                }
                match constraint.clone() {
                    Constraint::PrimaryKey(pk) => t.primary_key = Some(pk),
                    Constraint::Unique(u) => t.uniques.push(u),
                    Constraint::Check(c) => t.checks.push(c),
                    Constraint::ForeignKey(f) => t.foreign_keys.push(f),
                }
                t.normalize();
            }
            DropConstraint { table, constraint } => {
                let t = self.table_mut(table)?;
                let name = constraint.name();
                if !has_constraint(t, name) {
                    return Err(missing("constraint", format!("{table}.{name}")));
                }
                if t.primary_key.as_ref().is_some_and(|p| &p.name == name) {
                    t.primary_key = None;
                }
                t.uniques.retain(|c| &c.name != name);
                t.checks.retain(|c| &c.name != name);
                t.foreign_keys.retain(|c| &c.name != name);
            }
            RenameConstraint { table, from, to } => {
                let t = self.table_mut(table)?;
                if has_constraint(t, to) {
                    return Err(exists("constraint", format!("{table}.{to}")));
                }
                let mut found = false;
                if let Some(pk) = t.primary_key.as_mut().filter(|p| &p.name == from) {
                    pk.name = to.clone();
                    found = true;
                }
                for u in t.uniques.iter_mut().filter(|c| &c.name == from) {
                    u.name = to.clone();
                    found = true;
                }
                for c in t.checks.iter_mut().filter(|c| &c.name == from) {
                    c.name = to.clone();
                    found = true;
                }
                for f in t.foreign_keys.iter_mut().filter(|c| &c.name == from) {
                    f.name = to.clone();
                    found = true;
                }
                if !found {
                    return Err(missing("constraint", format!("{table}.{from}")));
                }
                t.normalize();
            }
            ValidateConstraint { table, constraint }
            | InvalidateConstraint { table, constraint } => {
                let valid = matches!(change, ValidateConstraint { .. });
                let t = self.table_mut(table)?;
                let name = constraint.name();
                let mut found = false;
                for c in t.checks.iter_mut().filter(|c| &c.name == name) {
                    c.valid = valid;
                    found = true;
                }
                for f in t.foreign_keys.iter_mut().filter(|c| &c.name == name) {
                    f.valid = valid;
                    found = true;
                }
                if !found {
                    return Err(missing("constraint", format!("{table}.{name}")));
                }
            }
            CreateIndex { table, index } => {
                let indexes = self.indexes_mut(table)?;
                if indexes.iter().any(|i| i.name == index.name) {
                    return Err(exists("index", format!("{}.{}", table.schema, index.name)));
                }
                indexes.push(index.clone());
                indexes.sort_by(|a, b| a.name.cmp(&b.name));
            }
            DropIndex { table, index } => {
                let indexes = self.indexes_mut(table)?;
                let before = indexes.len();
                indexes.retain(|i| i.name != index.name);
                if indexes.len() == before {
                    return Err(missing("index", format!("{}.{}", table.schema, index.name)));
                }
            }
            RenameIndex { table, from, to } => {
                let indexes = self.indexes_mut(table)?;
                if indexes.iter().any(|i| &i.name == to) {
                    return Err(exists("index", format!("{}.{to}", table.schema)));
                }
                let ix = indexes
                    .iter_mut()
                    .find(|i| &i.name == from)
                    .ok_or_else(|| missing("index", format!("{}.{from}", table.schema)))?;
                ix.name = to.clone();
                indexes.sort_by(|a, b| a.name.cmp(&b.name));
            }
            CreateStatistics(x) => {
                if self.statistics.contains_key(&x.name) {
                    return Err(exists("statistics", &x.name));
                }
                self.statistics.insert(x.name.clone(), x.clone());
            }
            DropStatistics(x) => {
                self.statistics
                    .remove(&x.name)
                    .ok_or_else(|| missing("statistics", &x.name))?;
            }
            AlterStatistics { old, new } => {
                let x = self
                    .statistics
                    .get_mut(&old.name)
                    .ok_or_else(|| missing("statistics", &old.name))?;
                *x = new.clone();
            }
            RenameStatistics { from, to } => {
                if self.statistics.contains_key(to) {
                    return Err(exists("statistics", to));
                }
                let mut x = self
                    .statistics
                    .remove(from)
                    .ok_or_else(|| missing("statistics", from))?;
                // the definition names the object, as PostgreSQL prints it after the rename
                x.definition = x.definition.replacen(
                    &format!("STATISTICS {from} "),
                    &format!("STATISTICS {to} "),
                    1,
                );
                x.name = to.clone();
                self.statistics.insert(to.clone(), x);
            }
            CreateView(v) => {
                if self.views.contains_key(&v.name) {
                    return Err(exists(v.kind(), &v.name));
                }
                self.add_view(v.clone());
            }
            DropView(v) => {
                self.views
                    .remove(&v.name)
                    .ok_or_else(|| missing(v.kind(), &v.name))?;
            }
            AlterView { old, new } => {
                let v = self
                    .views
                    .get_mut(&old.name)
                    .ok_or_else(|| missing(old.kind(), &old.name))?;
                let indexes = std::mem::take(&mut v.indexes);
                *v = new.clone();
                v.indexes = indexes;
            }
            RenameView { from, to, .. } => {
                if self.views.contains_key(to) {
                    return Err(exists("view", to));
                }
                let mut v = self
                    .views
                    .remove(from)
                    .ok_or_else(|| missing("view", from))?;
                v.name = to.clone();
                self.views.insert(to.clone(), v);
            }
            CreateFunction(f) => {
                if self.functions.contains_key(&f.id) {
                    return Err(exists("function", &f.id));
                }
                self.add_function(f.clone());
            }
            DropFunction(f) => {
                self.functions
                    .remove(&f.id)
                    .ok_or_else(|| missing("function", &f.id))?;
            }
            AlterFunction { old, new } => {
                let f = self
                    .functions
                    .get_mut(&old.id)
                    .ok_or_else(|| missing("function", &old.id))?;
                *f = new.clone();
            }
            RenameFunction { from, to, .. } => {
                let id = crate::FunctionId::new(to.clone(), from.args.clone());
                if self.functions.contains_key(&id) {
                    return Err(exists("function", &id));
                }
                let mut f = self
                    .functions
                    .remove(from)
                    .ok_or_else(|| missing("function", from))?;
                // the definition names the function, as PostgreSQL prints it after the rename
                f.definition =
                    f.definition
                        .replacen(&format!("{}(", from.name), &format!("{to}("), 1);
                f.id = id.clone();
                self.functions.insert(id, f);
            }
            CreatePolicy(p) => {
                if self.policies.contains_key(&p.id) {
                    return Err(exists("policy", &p.id));
                }
                self.add_policy(p.clone());
            }
            DropPolicy(p) => {
                self.policies
                    .remove(&p.id)
                    .ok_or_else(|| missing("policy", &p.id))?;
            }
            AlterPolicy { old, new } => {
                let p = self
                    .policies
                    .get_mut(&old.id)
                    .ok_or_else(|| missing("policy", &old.id))?;
                *p = new.clone();
            }
            RenamePolicy { table, from, to } => {
                let key = |name: &Ident| crate::PolicyId {
                    table: table.clone(),
                    name: name.clone(),
                };
                if self.policies.contains_key(&key(to)) {
                    return Err(exists("policy", key(to)));
                }
                let mut p = self
                    .policies
                    .remove(&key(from))
                    .ok_or_else(|| missing("policy", key(from)))?;
                p.id = key(to);
                self.policies.insert(key(to), p);
            }
            SetRowSecurity { table, new, .. } => self.table_mut(table)?.row_security = *new,
            CreateTrigger(t) => {
                if self.triggers.contains_key(&t.id) {
                    return Err(exists("trigger", &t.id));
                }
                self.add_trigger(t.clone());
            }
            DropTrigger(t) => {
                self.triggers
                    .remove(&t.id)
                    .ok_or_else(|| missing("trigger", &t.id))?;
            }
            AlterTrigger { old, new } => {
                let t = self
                    .triggers
                    .get_mut(&old.id)
                    .ok_or_else(|| missing("trigger", &old.id))?;
                *t = new.clone();
            }
            RenameTrigger { table, from, to } => {
                let key = |name: &Ident| crate::TriggerId {
                    table: table.clone(),
                    name: name.clone(),
                };
                if self.triggers.contains_key(&key(to)) {
                    return Err(exists("trigger", key(to)));
                }
                let mut t = self
                    .triggers
                    .remove(&key(from))
                    .ok_or_else(|| missing("trigger", key(from)))?;
                // the definition names the trigger, as PostgreSQL prints it after the rename
                t.definition = t.definition.replacen(
                    &format!("TRIGGER {from} "),
                    &format!("TRIGGER {to} "),
                    1,
                );
                t.id = key(to);
                self.triggers.insert(key(to), t);
            }
            SetComment { target, new, .. } => self.set_comment(target, new.clone())?,
            Rebuilt {
                change,
                active: true,
                ..
            } => self.apply(change)?,
            Rebuilt { active: false, .. } => {}
        }
        Ok(())
    }

    fn set_comment(
        &mut self,
        target: &CommentTarget,
        new: Option<String>,
    ) -> Result<(), ApplyError> {
        match target {
            CommentTarget::Schema(n) => {
                self.namespaces
                    .get_mut(n)
                    .ok_or_else(|| missing("schema", n))?
                    .comment = new;
            }
            CommentTarget::Table(t) => self.table_mut(t)?.comment = new,
            CommentTarget::Column(t, c) => self.column_mut(t, c)?.comment = new,
            CommentTarget::Index(t, i) => {
                self.indexes_mut(t)?
                    .iter_mut()
                    .find(|x| &x.name == i)
                    .ok_or_else(|| missing("index", format!("{}.{i}", t.schema)))?
                    .comment = new;
            }
            CommentTarget::Type(n) => {
                self.enums
                    .get_mut(n)
                    .ok_or_else(|| missing("type", n))?
                    .comment = new;
            }
            CommentTarget::Sequence(n) => {
                self.sequence_mut(n)
                    .ok_or_else(|| missing("sequence", n))?
                    .comment = new;
            }
        }
        Ok(())
    }

    fn rename_table(&mut self, from: &QualifiedName, to: &QualifiedName) -> Result<(), ApplyError> {
        if self.tables.contains_key(to) {
            return Err(exists("table", to));
        }
        let mut t = self
            .tables
            .remove(from)
            .ok_or_else(|| missing("table", from))?;
        t.name = to.clone();
        let mut moved_sequences = Vec::new();
        // PostgreSQL keeps the names of sequences; `SET SCHEMA` moves the owned ones along.
        for c in &mut t.columns {
            if let Some(id) = &mut c.identity {
                let actual = identity_sequence_name(from, &c.name, id.sequence_name.as_ref());
                let moved = QualifiedName::new(to.schema.clone(), actual.name);
                id.sequence_name = identity_name_field(to, &c.name, moved);
            }
            if let Some(s) = &mut c.owned_sequence
                && s.name.schema != to.schema
            {
                let old = s.name.clone();
                s.name.schema = to.schema.clone();
                moved_sequences.push((old, s.name.clone()));
            }
        }
        for (old, new) in &moved_sequences {
            map_table_exprs(&mut t, &|e| crate::expr::rename_regclass(e, old, new));
        }
        self.tables.insert(to.clone(), t);
        // policies follow their table (their expressions name its columns unqualified)
        let ids: Vec<crate::PolicyId> = self
            .policies
            .keys()
            .filter(|id| &id.table == from)
            .cloned()
            .collect();
        for id in ids {
            if let Some(mut p) = self.policies.remove(&id) {
                p.id.table = to.clone();
                for d in &mut p.depends_on {
                    if let crate::Dependency::Table(q) | crate::Dependency::Column(q, _) = d
                        && q == from
                    {
                        *q = to.clone();
                    }
                }
                self.policies.insert(p.id.clone(), p);
            }
        }
        for t in self.tables.values_mut() {
            for fk in &mut t.foreign_keys {
                if &fk.ref_table == from {
                    fk.ref_table = to.clone();
                }
            }
        }
        for s in self.sequences.values_mut() {
            if let Some((t, _)) = &mut s.owned_by
                && t == from
            {
                *t = to.clone();
            }
        }
        Ok(())
    }

    fn rename_column(
        &mut self,
        table: &QualifiedName,
        from: &Ident,
        to: &Ident,
    ) -> Result<(), ApplyError> {
        let t = self.table_mut(table)?;
        if t.column(to).is_some() {
            return Err(exists("column", format!("{table}.{to}")));
        }
        let c = t
            .columns
            .iter_mut()
            .find(|c| &c.name == from)
            .ok_or_else(|| missing("column", format!("{table}.{from}")))?;
        c.name = to.clone();
        if let Some(id) = &mut c.identity {
            let actual = identity_sequence_name(table, from, id.sequence_name.as_ref());
            id.sequence_name = identity_name_field(table, to, actual);
        }
        if let Some(pk) = &mut t.primary_key {
            rename_in(&mut pk.columns, from, to);
            rename_in(&mut pk.include, from, to);
        }
        for u in &mut t.uniques {
            rename_in(&mut u.columns, from, to);
            rename_in(&mut u.include, from, to);
        }
        for f in &mut t.foreign_keys {
            rename_in(&mut f.columns, from, to);
            for a in [&mut f.on_delete, &mut f.on_update] {
                if let crate::FkAction::SetNull { columns }
                | crate::FkAction::SetDefault { columns } = a
                {
                    rename_in(columns, from, to);
                }
            }
        }
        map_table_exprs(t, &|e| crate::expr::rename_column(e, from, to));
        for ix in &mut t.indexes {
            rename_in(&mut ix.include, from, to);
            for k in &mut ix.keys {
                if let crate::IndexTarget::Column(c) = &mut k.target
                    && c == from
                {
                    *c = to.clone();
                }
            }
        }
        for t in self.tables.values_mut() {
            for f in &mut t.foreign_keys {
                if &f.ref_table == table {
                    rename_in(&mut f.ref_columns, from, to);
                }
            }
        }
        // PostgreSQL prints a policy's expressions with the column's new name
        for p in self.policies.values_mut().filter(|p| &p.id.table == table) {
            for e in [&mut p.using, &mut p.with_check].into_iter().flatten() {
                *e = crate::Expr::new(crate::expr::rename_column(e.as_str(), from, to));
            }
            for d in &mut p.depends_on {
                if let crate::Dependency::Column(q, c) = d
                    && q == table
                    && c == from
                {
                    *c = to.clone();
                }
            }
            p.depends_on.sort();
        }
        for s in self.sequences.values_mut() {
            if let Some((t, c)) = &mut s.owned_by
                && t == table
                && c == from
            {
                *c = to.clone();
            }
        }
        Ok(())
    }

    fn rename_enum(&mut self, from: &QualifiedName, to: &QualifiedName) -> Result<(), ApplyError> {
        if self.enums.contains_key(to) {
            return Err(exists("type", to));
        }
        let mut e = self
            .enums
            .remove(from)
            .ok_or_else(|| missing("type", from))?;
        e.name = to.clone();
        self.enums.insert(to.clone(), e);
        for t in self.tables.values_mut() {
            for c in &mut t.columns {
                rename_type(&mut c.ty, from, to);
            }
            map_table_exprs(t, &|e| crate::expr::rename_type(e, from, to));
        }
        Ok(())
    }

    fn rename_sequence(
        &mut self,
        from: &QualifiedName,
        to: &QualifiedName,
    ) -> Result<(), ApplyError> {
        self.rename_sequence_object(from, to)?;
        for t in self.tables.values_mut() {
            map_table_exprs(t, &|e| crate::expr::rename_regclass(e, from, to));
        }
        Ok(())
    }

    fn rename_sequence_object(
        &mut self,
        from: &QualifiedName,
        to: &QualifiedName,
    ) -> Result<(), ApplyError> {
        if let Some(mut s) = self.sequences.remove(from) {
            if self.sequences.contains_key(to) {
                self.sequences.insert(from.clone(), s);
                return Err(exists("sequence", to));
            }
            s.name = to.clone();
            self.sequences.insert(to.clone(), s);
            return Ok(());
        }
        for t in self.tables.values_mut() {
            let tname = t.name.clone();
            for c in &mut t.columns {
                if let Some(s) = &mut c.owned_sequence
                    && &s.name == from
                {
                    s.name = to.clone();
                    return Ok(());
                }
                if let Some(id) = &mut c.identity
                    && identity_sequence_name(&tname, &c.name, id.sequence_name.as_ref()) == *from
                {
                    id.sequence_name = identity_name_field(&tname, &c.name, to.clone());
                    return Ok(());
                }
            }
        }
        Err(missing("sequence", from))
    }
}

fn has_constraint(t: &Table, name: &Ident) -> bool {
    t.primary_key.as_ref().is_some_and(|p| &p.name == name)
        || t.uniques.iter().any(|c| &c.name == name)
        || t.checks.iter().any(|c| &c.name == name)
        || t.foreign_keys.iter().any(|c| &c.name == name)
}
