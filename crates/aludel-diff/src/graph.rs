//! The dependency graph of a change list: what each change creates, drops or replaces, and
//! which objects it needs in their old or new form. Edges come from the IR (foreign key →
//! table, columns and referenced key; column → type and sequence; index and check → columns and
//! types their expressions name); `Effects::uses_old`/`uses_new` are where edges read from
//! `pg_depend` join them.

use std::collections::{BTreeMap, BTreeSet};

use aludel_schema::expr::{mentions_column, mentions_function, mentions_type};
use aludel_schema::{
    Change, Column, ColumnType, CommentTarget, Constraint, Dependency, Expr, FunctionId, Ident,
    Index, IndexTarget, Policy, PolicyId, QualifiedName, Table, Trigger, TriggerId, View,
    identity_sequence_name,
};

/// An object the graph knows about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Key {
    Schema(Ident),
    Extension(Ident),
    /// An enum type.
    Type(QualifiedName),
    Sequence(QualifiedName),
    Table(QualifiedName),
    Column(QualifiedName, Ident),
    Constraint(QualifiedName, Ident),
    /// An index, by schema and name.
    Index(Ident, Ident),
    /// A unique key (primary key, unique constraint or unique index without predicate or
    /// expressions) that foreign keys can reference: table and sorted columns.
    Unique(QualifiedName, Vec<Ident>),
    View(QualifiedName),
    Function(FunctionId),
    Trigger(TriggerId),
    Statistics(QualifiedName),
    Policy(PolicyId),
}

impl Key {
    /// The object that contains this one (and must exist while it does).
    fn parent(&self) -> Option<Key> {
        match self {
            Key::Schema(_) | Key::Extension(_) => None,
            Key::Type(q) | Key::Sequence(q) | Key::Table(q) => Some(Key::Schema(q.schema.clone())),
            Key::Column(t, _) | Key::Constraint(t, _) | Key::Unique(t, _) => {
                Some(Key::Table(t.clone()))
            }
            Key::Index(s, _) => Some(Key::Schema(s.clone())),
            Key::View(q) => Some(Key::Schema(q.schema.clone())),
            Key::Function(f) => Some(Key::Schema(f.name.schema.clone())),
            // on a table or a view: `trigger_uses` names both
            Key::Trigger(_) => None,
            Key::Statistics(q) => Some(Key::Schema(q.schema.clone())),
            Key::Policy(p) => Some(Key::Table(p.table.clone())),
        }
    }

    pub(crate) fn unique(table: &QualifiedName, cols: &[Ident]) -> Key {
        let mut cols = cols.to_vec();
        cols.sort();
        Key::Unique(table.clone(), cols)
    }
}

/// What one change does to the objects of the graph.
#[derive(Debug, Default, Clone)]
pub(crate) struct Effects {
    /// Objects that exist after the change and not before.
    pub adds: Vec<Key>,
    /// Objects that exist before the change and not after.
    pub removes: Vec<Key>,
    /// Objects that exist before and after, in another form.
    pub alters: Vec<Key>,
    /// Objects the change needs as they are before it (what a drop refers to).
    pub uses_old: Vec<Key>,
    /// Objects the change needs as they are after it (what a creation refers to).
    pub uses_new: Vec<Key>,
    /// A rename: planned before everything else and applied to the working copy, so every
    /// other change names what it adds (a constraint given its new table's default name is
    /// dropped and recreated around a recreated type under that new name).
    pub rename: bool,
}

/// The objects named by expressions that only matter when another change touches them: the
/// enum types, sequences and columns some change of the list creates, drops or replaces.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    types: BTreeSet<QualifiedName>,
    sequences: BTreeSet<QualifiedName>,
    columns: BTreeMap<QualifiedName, BTreeSet<Ident>>,
    functions: BTreeSet<FunctionId>,
}

impl Touched {
    /// Only the enum type `name`.
    pub(crate) fn enum_type(name: &QualifiedName) -> Touched {
        let mut t = Touched::default();
        t.types.insert(name.clone());
        t
    }

    /// Only the function `id`.
    pub(crate) fn function(id: &FunctionId) -> Touched {
        let mut t = Touched::default();
        t.functions.insert(id.clone());
        t
    }

    /// Only `column` of `table`.
    pub(crate) fn column(table: &QualifiedName, column: &Ident) -> Touched {
        let mut t = Touched::default();
        t.columns
            .entry(table.clone())
            .or_default()
            .insert(column.clone());
        t
    }

    pub(crate) fn of(effects: &[Effects]) -> Touched {
        let mut t = Touched::default();
        for e in effects {
            for k in e.adds.iter().chain(&e.removes).chain(&e.alters) {
                match k {
                    Key::Type(q) => {
                        t.types.insert(q.clone());
                    }
                    Key::Sequence(q) => {
                        t.sequences.insert(q.clone());
                    }
                    Key::Column(tb, c) => {
                        t.columns.entry(tb.clone()).or_default().insert(c.clone());
                    }
                    Key::Function(f) => {
                        t.functions.insert(f.clone());
                    }
                    _ => {}
                }
            }
        }
        t
    }

    /// The touched objects `sql` (an expression on `table`) names.
    fn mentioned(&self, table: &QualifiedName, sql: &str, out: &mut Vec<Key>) {
        for ty in &self.types {
            if mentions_type(sql, ty) {
                out.push(Key::Type(ty.clone()));
            }
        }
        for s in &self.sequences {
            if sql.contains(&format!("'{s}'")) {
                out.push(Key::Sequence(s.clone()));
            }
        }
        if let Some(cols) = self.columns.get(table) {
            for c in cols {
                if mentions_column(sql, c) {
                    out.push(Key::Column(table.clone(), c.clone()));
                }
            }
        }
        for f in &self.functions {
            if mentions_function(sql, &f.name) {
                out.push(Key::Function(f.clone()));
            }
        }
    }
}

/// The key of what `pg_depend` says an object uses.
pub(crate) fn dependency_key(d: &Dependency) -> Key {
    match d {
        Dependency::Table(q) => Key::Table(q.clone()),
        Dependency::Column(q, c) => Key::Column(q.clone(), c.clone()),
        Dependency::View(q) => Key::View(q.clone()),
        Dependency::Function(f) => Key::Function(f.clone()),
        Dependency::Type(q) => Key::Type(q.clone()),
    }
}

fn dependency_keys(deps: &[Dependency], out: &mut Vec<Key>) {
    out.extend(deps.iter().map(dependency_key));
}

/// What a view provides: itself, and for a materialized view a relation its indexes need.
fn view_provides(v: &View) -> Vec<Key> {
    let mut out = vec![Key::View(v.name.clone())];
    if v.materialized {
        out.push(Key::Table(v.name.clone()));
    }
    out
}

/// What extended statistics use: the table, its columns, what its expressions name.
fn statistics_uses(touched: &Touched, x: &aludel_schema::Statistics, out: &mut Vec<Key>) {
    out.push(Key::Table(x.table.clone()));
    out.push(Key::View(x.table.clone()));
    cols(&x.table, &x.columns, out);
    touched.mentioned(&x.table, &x.definition, out);
}

/// What a trigger uses: its table or view, its function, and what `pg_depend` lists.
pub(crate) fn trigger_uses(t: &Trigger, out: &mut Vec<Key>) {
    out.push(Key::Table(t.id.table.clone()));
    out.push(Key::View(t.id.table.clone()));
    out.push(Key::Function(t.function.clone()));
    dependency_keys(&t.depends_on, out);
}

fn type_keys(ty: &ColumnType, out: &mut Vec<Key>) {
    match ty {
        ColumnType::Enum { name } => out.push(Key::Type(name.clone())),
        ColumnType::Array { element } => type_keys(element, out),
        _ => {}
    }
}

pub(crate) fn expr_keys(
    touched: &Touched,
    table: &QualifiedName,
    e: Option<&Expr>,
    out: &mut Vec<Key>,
) {
    if let Some(e) = e {
        touched.mentioned(table, e.as_str(), out);
    }
}

/// The sequences that exist with a column: its identity sequence or the serial one it owns.
fn column_sequences(table: &QualifiedName, c: &Column, out: &mut Vec<Key>) {
    if let Some(i) = &c.identity {
        out.push(Key::Sequence(identity_sequence_name(
            table,
            &c.name,
            i.sequence_name.as_ref(),
        )));
    }
    if let Some(s) = &c.owned_sequence {
        out.push(Key::Sequence(s.name.clone()));
    }
}

/// What a column needs: its type, and what its default and generation expression name.
fn column_needs(touched: &Touched, table: &QualifiedName, c: &Column, out: &mut Vec<Key>) {
    type_keys(&c.ty, out);
    expr_keys(touched, table, c.default.as_ref(), out);
    expr_keys(touched, table, c.generated.as_ref(), out);
}

fn cols(table: &QualifiedName, cols: &[Ident], out: &mut Vec<Key>) {
    out.extend(cols.iter().map(|c| Key::Column(table.clone(), c.clone())));
}

/// What a constraint provides (itself, and a unique key for primary keys and uniques).
pub(crate) fn constraint_provides(table: &QualifiedName, c: &Constraint) -> Vec<Key> {
    let mut out = vec![Key::Constraint(table.clone(), c.name().clone())];
    match c {
        Constraint::PrimaryKey(p) => out.push(Key::unique(table, &p.columns)),
        Constraint::Unique(u) => out.push(Key::unique(table, &u.columns)),
        Constraint::Check(_) | Constraint::ForeignKey(_) => {}
    }
    out
}

/// What a constraint needs: its columns, what its expression names, and for a foreign key the
/// referenced table, columns and unique key.
pub(crate) fn constraint_needs(
    touched: &Touched,
    table: &QualifiedName,
    c: &Constraint,
    out: &mut Vec<Key>,
) {
    match c {
        Constraint::PrimaryKey(p) => {
            cols(table, &p.columns, out);
            cols(table, &p.include, out);
        }
        Constraint::Unique(u) => {
            cols(table, &u.columns, out);
            cols(table, &u.include, out);
        }
        Constraint::Check(k) => touched.mentioned(table, k.expr.as_str(), out),
        Constraint::ForeignKey(f) => {
            cols(table, &f.columns, out);
            cols(&f.ref_table, &f.ref_columns, out);
            out.push(Key::unique(&f.ref_table, &f.ref_columns));
        }
    }
}

/// The unique key an index provides to foreign keys, if it can be one.
pub(crate) fn index_unique_key(table: &QualifiedName, ix: &Index) -> Option<Key> {
    if !ix.unique || ix.predicate.is_some() {
        return None;
    }
    let cols: Option<Vec<Ident>> = ix
        .keys
        .iter()
        .map(|k| match &k.target {
            IndexTarget::Column(c) => Some(c.clone()),
            IndexTarget::Expression(_) => None,
        })
        .collect();
    cols.map(|c| Key::unique(table, &c))
}

pub(crate) fn index_provides(table: &QualifiedName, ix: &Index) -> Vec<Key> {
    let mut out = vec![Key::Index(table.schema.clone(), ix.name.clone())];
    out.extend(index_unique_key(table, ix));
    out
}

/// What an index needs: its columns and what its expressions and predicate name.
pub(crate) fn index_needs(
    touched: &Touched,
    table: &QualifiedName,
    ix: &Index,
    out: &mut Vec<Key>,
) {
    out.push(Key::Table(table.clone()));
    for k in &ix.keys {
        match &k.target {
            IndexTarget::Column(c) => out.push(Key::Column(table.clone(), c.clone())),
            IndexTarget::Expression(e) => touched.mentioned(table, e.as_str(), out),
        }
    }
    cols(table, &ix.include, out);
    expr_keys(touched, table, ix.predicate.as_ref(), out);
}

/// Everything a table provides (itself, columns, sequences, keys and constraints it is created
/// with), and everything it needs.
fn table_effects(touched: &Touched, t: &Table) -> (Vec<Key>, Vec<Key>) {
    let name = &t.name;
    let mut provides = vec![Key::Table(name.clone())];
    let mut needs = Vec::new();
    for c in &t.columns {
        provides.push(Key::Column(name.clone(), c.name.clone()));
        column_sequences(name, c, &mut provides);
        column_needs(touched, name, c, &mut needs);
    }
    let constraints = t
        .primary_key
        .iter()
        .cloned()
        .map(Constraint::PrimaryKey)
        .chain(t.uniques.iter().cloned().map(Constraint::Unique))
        .chain(t.checks.iter().cloned().map(Constraint::Check));
    for c in constraints {
        provides.extend(constraint_provides(name, &c));
        constraint_needs(touched, name, &c, &mut needs);
    }
    // a table's own columns are not needs of the table
    needs.retain(|k| !matches!(k, Key::Column(t, _) if t == name));
    (provides, needs)
}

fn comment_target(t: &CommentTarget) -> Key {
    match t {
        CommentTarget::Schema(n) => Key::Schema(n.clone()),
        CommentTarget::Table(q) => Key::Table(q.clone()),
        CommentTarget::Column(q, c) => Key::Column(q.clone(), c.clone()),
        CommentTarget::Index(q, i) => Key::Index(q.schema.clone(), i.clone()),
        CommentTarget::Type(q) => Key::Type(q.clone()),
        CommentTarget::Sequence(q) => Key::Sequence(q.clone()),
    }
}

/// The objects a change creates, drops or alters (enough to know what expressions must be
/// checked against), before expression uses are resolved.
pub(crate) fn effects(c: &Change, touched: &Touched) -> Effects {
    use Change::*;
    let mut e = Effects::default();
    match c {
        CreateSchema(n) => e.adds.push(Key::Schema(n.name.clone())),
        DropSchema(n) => e.removes.push(Key::Schema(n.name.clone())),
        RenameSchema { from, to } => {
            e.removes.push(Key::Schema(from.clone()));
            e.adds.push(Key::Schema(to.clone()));
        }
        CreateExtension(x) => {
            e.adds.push(Key::Extension(x.name.clone()));
            e.uses_new.push(Key::Schema(x.schema.clone()));
        }
        DropExtension(x) => {
            e.removes.push(Key::Extension(x.name.clone()));
            e.uses_old.push(Key::Schema(x.schema.clone()));
        }
        SetExtensionSchema { name, from, to } => {
            e.alters.push(Key::Extension(name.clone()));
            e.uses_old.push(Key::Schema(from.clone()));
            e.uses_new.push(Key::Schema(to.clone()));
        }
        CreateEnum(t) => e.adds.push(Key::Type(t.name.clone())),
        DropEnum(t) => e.removes.push(Key::Type(t.name.clone())),
        RenameEnum { from, to } => {
            e.removes.push(Key::Type(from.clone()));
            e.adds.push(Key::Type(to.clone()));
        }
        AddEnumValue(a) | RemoveEnumValue(a) => e.alters.push(Key::Type(a.enum_name.clone())),
        // like every rename, it runs before what is stated in the new spelling: the old side
        // of the other changes (a default dropped, a check rebuilt around a recreated type) is
        // read after the renames, so their reverses must run before the rename back. An `add`
        // orders both sides of every user after it, and two renames of one type stay unordered.
        RenameEnumValue { enum_name, .. } => e.adds.push(Key::Type(enum_name.clone())),
        RecreateEnum { new, .. } => e.alters.push(Key::Type(new.name.clone())),
        CreateSequence(s) => {
            e.adds.push(Key::Sequence(s.name.clone()));
            type_keys(&s.data_type, &mut e.uses_new);
        }
        DropSequence(s) => e.removes.push(Key::Sequence(s.name.clone())),
        AlterSequence { name, .. } => e.alters.push(Key::Sequence(name.clone())),
        SetSequenceOwner { name, old, new } => {
            let seq = Key::Sequence(name.clone());
            if let Some((t, c)) = old {
                e.uses_old.push(Key::Column(t.clone(), c.clone()));
            }
            match new {
                Some((t, c)) => {
                    e.uses_new.push(Key::Column(t.clone(), c.clone()));
                    e.uses_new.push(seq);
                }
                None => e.uses_old.push(seq),
            }
        }
        RenameSequence { from, to } => {
            e.removes.push(Key::Sequence(from.clone()));
            e.adds.push(Key::Sequence(to.clone()));
        }
        CreateTable(t) => {
            let (provides, needs) = table_effects(touched, t);
            e.adds = provides;
            e.uses_new = needs;
        }
        DropTable(t) => {
            let (provides, needs) = table_effects(touched, t);
            e.removes = provides;
            e.uses_old = needs;
        }
        RenameTable { from, to } => {
            e.removes.push(Key::Table(from.clone()));
            e.adds.push(Key::Table(to.clone()));
        }
        AddColumn { table, column } => {
            e.adds.push(Key::Column(table.clone(), column.name.clone()));
            column_sequences(table, column, &mut e.adds);
            column_needs(touched, table, column, &mut e.uses_new);
        }
        DropColumn { table, column } => {
            e.removes
                .push(Key::Column(table.clone(), column.name.clone()));
            column_sequences(table, column, &mut e.removes);
            column_needs(touched, table, column, &mut e.uses_old);
        }
        RenameColumn { table, from, to } => {
            e.removes.push(Key::Column(table.clone(), from.clone()));
            e.adds.push(Key::Column(table.clone(), to.clone()));
        }
        ReplaceColumn { table, old, new } => {
            e.alters.push(Key::Column(table.clone(), new.name.clone()));
            column_needs(touched, table, old, &mut e.uses_old);
            column_needs(touched, table, new, &mut e.uses_new);
        }
        AlterColumnType {
            table,
            column,
            old,
            new,
        } => {
            e.alters.push(Key::Column(table.clone(), column.clone()));
            type_keys(&old.ty, &mut e.uses_old);
            type_keys(&new.ty, &mut e.uses_new);
        }
        SetNotNull { table, column }
        | DropNotNull { table, column }
        | AlterIdentity { table, column, .. } => {
            e.uses_new.push(Key::Column(table.clone(), column.clone()));
        }
        SetDefault {
            table,
            column,
            old,
            new,
        } => {
            let col = Key::Column(table.clone(), column.clone());
            expr_keys(touched, table, old.as_ref(), &mut e.uses_old);
            expr_keys(touched, table, new.as_ref(), &mut e.uses_new);
            if new.is_some() {
                e.uses_new.push(col);
            } else {
                e.uses_old.push(col);
            }
        }
        AddIdentity {
            table,
            column,
            identity,
        } => {
            let seq = identity_sequence_name(table, column, identity.sequence_name.as_ref());
            e.adds.push(Key::Sequence(seq));
            e.uses_new.push(Key::Column(table.clone(), column.clone()));
        }
        DropIdentity {
            table,
            column,
            identity,
        } => {
            let seq = identity_sequence_name(table, column, identity.sequence_name.as_ref());
            e.removes.push(Key::Sequence(seq));
            e.uses_old.push(Key::Column(table.clone(), column.clone()));
        }
        SetOwnedSequence {
            table,
            column,
            old,
            new,
        } => {
            let col = Key::Column(table.clone(), column.clone());
            if let Some(s) = old {
                e.removes.push(Key::Sequence(s.name.clone()));
                e.uses_old.push(col.clone());
            }
            if let Some(s) = new {
                e.adds.push(Key::Sequence(s.name.clone()));
                e.uses_new.push(col);
            }
        }
        AddConstraint { table, constraint } => {
            e.adds = constraint_provides(table, constraint);
            constraint_needs(touched, table, constraint, &mut e.uses_new);
        }
        DropConstraint { table, constraint } => {
            e.removes = constraint_provides(table, constraint);
            constraint_needs(touched, table, constraint, &mut e.uses_old);
        }
        RenameConstraint { table, from, to } => {
            e.removes.push(Key::Constraint(table.clone(), from.clone()));
            e.adds.push(Key::Constraint(table.clone(), to.clone()));
        }
        ValidateConstraint { table, constraint } => {
            e.uses_new
                .push(Key::Constraint(table.clone(), constraint.name().clone()));
        }
        InvalidateConstraint { table, constraint } => {
            e.alters
                .push(Key::Constraint(table.clone(), constraint.name().clone()));
            constraint_needs(touched, table, constraint, &mut e.uses_old);
        }
        CreateIndex { table, index } => {
            e.adds = index_provides(table, index);
            index_needs(touched, table, index, &mut e.uses_new);
        }
        DropIndex { table, index } => {
            e.removes = index_provides(table, index);
            index_needs(touched, table, index, &mut e.uses_old);
        }
        RenameIndex { table, from, to } => {
            e.removes
                .push(Key::Index(table.schema.clone(), from.clone()));
            e.adds.push(Key::Index(table.schema.clone(), to.clone()));
        }
        SetComment { target, .. } => e.uses_new.push(comment_target(target)),
        CreateView(v) => {
            e.adds = view_provides(v);
            dependency_keys(&v.depends_on, &mut e.uses_new);
        }
        DropView(v) => {
            e.removes = view_provides(v);
            dependency_keys(&v.depends_on, &mut e.uses_old);
        }
        AlterView { old, new } => {
            e.alters = view_provides(new);
            dependency_keys(&old.depends_on, &mut e.uses_old);
            dependency_keys(&new.depends_on, &mut e.uses_new);
        }
        RenameView {
            from,
            to,
            materialized,
        } => {
            e.removes.push(Key::View(from.clone()));
            e.adds.push(Key::View(to.clone()));
            if *materialized {
                e.removes.push(Key::Table(from.clone()));
                e.adds.push(Key::Table(to.clone()));
            }
        }
        CreateFunction(f) => {
            e.adds.push(Key::Function(f.id.clone()));
            dependency_keys(&f.depends_on, &mut e.uses_new);
        }
        DropFunction(f) => {
            e.removes.push(Key::Function(f.id.clone()));
            dependency_keys(&f.depends_on, &mut e.uses_old);
        }
        AlterFunction { old, new } => {
            e.alters.push(Key::Function(new.id.clone()));
            dependency_keys(&old.depends_on, &mut e.uses_old);
            dependency_keys(&new.depends_on, &mut e.uses_new);
        }
        RenameFunction { from, to, .. } => {
            e.removes.push(Key::Function(from.clone()));
            e.adds.push(Key::Function(FunctionId::new(
                to.clone(),
                from.args.clone(),
            )));
        }
        CreateTrigger(t) => {
            e.adds.push(Key::Trigger(t.id.clone()));
            trigger_uses(t, &mut e.uses_new);
        }
        DropTrigger(t) => {
            e.removes.push(Key::Trigger(t.id.clone()));
            trigger_uses(t, &mut e.uses_old);
        }
        AlterTrigger { old, new } => {
            e.alters.push(Key::Trigger(new.id.clone()));
            trigger_uses(old, &mut e.uses_old);
            trigger_uses(new, &mut e.uses_new);
        }
        RenameTrigger { table, from, to } => {
            let key = |name: &Ident| {
                Key::Trigger(TriggerId {
                    table: table.clone(),
                    name: name.clone(),
                })
            };
            e.removes.push(key(from));
            e.adds.push(key(to));
        }
        CreateStatistics(x) => {
            e.adds.push(Key::Statistics(x.name.clone()));
            statistics_uses(touched, x, &mut e.uses_new);
        }
        DropStatistics(x) => {
            e.removes.push(Key::Statistics(x.name.clone()));
            statistics_uses(touched, x, &mut e.uses_old);
        }
        AlterStatistics { new, .. } => e.alters.push(Key::Statistics(new.name.clone())),
        RenameStatistics { from, to } => {
            e.removes.push(Key::Statistics(from.clone()));
            e.adds.push(Key::Statistics(to.clone()));
        }
        CreatePolicy(p) => {
            e.adds.push(Key::Policy(p.id.clone()));
            policy_uses(touched, p, &mut e.uses_new);
        }
        DropPolicy(p) => {
            e.removes.push(Key::Policy(p.id.clone()));
            policy_uses(touched, p, &mut e.uses_old);
        }
        AlterPolicy { old, new } => {
            e.alters.push(Key::Policy(new.id.clone()));
            policy_uses(touched, old, &mut e.uses_old);
            policy_uses(touched, new, &mut e.uses_new);
        }
        RenamePolicy { table, from, to } => {
            let key = |name: &Ident| {
                Key::Policy(PolicyId {
                    table: table.clone(),
                    name: name.clone(),
                })
            };
            e.removes.push(key(from));
            e.adds.push(key(to));
        }
        SetRowSecurity { table, .. } => e.uses_new.push(Key::Table(table.clone())),
        Rebuilt { change, .. } => return effects(change, touched),
    }
    e
}

/// What a policy uses: its table, what `pg_depend` lists, what its expressions name.
pub(crate) fn policy_uses(touched: &Touched, p: &Policy, out: &mut Vec<Key>) {
    out.push(Key::Table(p.id.table.clone()));
    dependency_keys(&p.depends_on, out);
    for e in [&p.using, &p.with_check].into_iter().flatten() {
        touched.mentioned(&p.id.table, e.as_str(), out);
    }
}

/// The objects' containers are needed too (a column needs its table, which needs its schema):
/// adds gain their containers as new uses, removes as old uses, and every use its chain.
fn with_containers(e: &mut Effects) {
    let chain = |keys: &mut Vec<Key>| {
        let mut i = 0;
        while i < keys.len() {
            if let Some(p) = keys[i].parent() {
                keys.push(p);
            }
            i += 1;
        }
    };
    for k in e.adds.iter().chain(&e.alters) {
        e.uses_new.extend(k.parent());
    }
    for k in &e.removes {
        e.uses_old.extend(k.parent());
    }
    chain(&mut e.uses_new);
    chain(&mut e.uses_old);
    let own: BTreeSet<Key> = e
        .adds
        .iter()
        .chain(&e.removes)
        .chain(&e.alters)
        .cloned()
        .collect();
    for v in [&mut e.uses_new, &mut e.uses_old] {
        v.retain(|k| !own.contains(k));
        v.sort();
        v.dedup();
    }
    // needed in both forms: the new one decides (it is what the change leaves behind)
    let new: BTreeSet<&Key> = e.uses_new.iter().collect();
    e.uses_old.retain(|k| !new.contains(k));
}

/// The effects of every change, with expression uses resolved against the touched objects and
/// containers added. Extensions are not in the IR's edges yet (which objects an extension
/// provides is `pg_depend`'s to say), so every change that is not about schemas or extensions
/// needs the extensions created or moved and comes before those dropped.
pub(crate) fn all_effects(changes: &[Change]) -> Vec<Effects> {
    let empty = Touched::default();
    let direct: Vec<Effects> = changes.iter().map(|c| effects(c, &empty)).collect();
    let touched = Touched::of(&direct);
    let mut out: Vec<Effects> = changes.iter().map(|c| effects(c, &touched)).collect();
    let mut ext_new = Vec::new();
    let mut ext_old = Vec::new();
    for e in &out {
        for k in e.adds.iter().chain(&e.alters) {
            if let Key::Extension(_) = k {
                ext_new.push(k.clone());
            }
        }
        for k in &e.removes {
            if let Key::Extension(_) = k {
                ext_old.push(k.clone());
            }
        }
    }
    for (c, e) in changes.iter().zip(&mut out) {
        e.rename = c.is_rename();
        let about_containers = matches!(
            c.inner(),
            Change::CreateSchema(_)
                | Change::DropSchema(_)
                | Change::RenameSchema { .. }
                | Change::CreateExtension(_)
                | Change::DropExtension(_)
                | Change::SetExtensionSchema { .. }
        );
        if !about_containers {
            e.uses_new.extend(ext_new.iter().cloned());
            e.uses_old.extend(ext_old.iter().cloned());
        }
        with_containers(e);
    }
    out
}

/// The edges `before → after` between changes, from their effects:
/// - what creates or alters an object comes before what needs its new form;
/// - what needs an object's old form comes before what drops or alters it;
/// - what drops a name comes before what creates it again, unless the creation is a rename:
///   the other changes are phrased after the renames, so what drops the renamed name drops the
///   renamed object and comes after the rename;
/// - a name that only appears (a rename's new name) comes before everything that names it.
pub(crate) fn edges(effects: &[Effects]) -> Vec<(usize, usize)> {
    let mut adds: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    let mut removes: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    let mut alters: BTreeMap<&Key, Vec<usize>> = BTreeMap::new();
    for (i, e) in effects.iter().enumerate() {
        for k in &e.adds {
            adds.entry(k).or_default().push(i);
        }
        for k in &e.removes {
            removes.entry(k).or_default().push(i);
        }
        for k in &e.alters {
            alters.entry(k).or_default().push(i);
        }
    }
    let none = Vec::new();
    let get = |m: &BTreeMap<&Key, Vec<usize>>, k: &Key| -> Vec<usize> {
        m.get(k).unwrap_or(&none).clone()
    };
    let mut out = Vec::new();
    for (b, e) in effects.iter().enumerate() {
        for k in &e.uses_new {
            for a in get(&adds, k).into_iter().chain(get(&alters, k)) {
                out.push((a, b));
            }
        }
        for k in &e.uses_old {
            for a in get(&removes, k).into_iter().chain(get(&alters, k)) {
                out.push((b, a));
            }
            if !removes.contains_key(k) {
                for a in get(&adds, k) {
                    out.push((a, b));
                }
            }
        }
        for k in &e.adds {
            for a in get(&removes, k) {
                // a name freed before another takes it; but what a rename names is the
                // renamed object, which the other changes (phrased after the renames) drop
                if e.rename && !effects[a].rename {
                    out.push((b, a));
                } else {
                    out.push((a, b));
                }
            }
        }
    }
    out.retain(|(a, b)| a != b);
    out.sort_unstable();
    out.dedup();
    out
}
