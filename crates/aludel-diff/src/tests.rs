//! Pure tests of the diff: `diff(x, x)` is empty, `apply(a, diff(a, b)) == b` in memory, the
//! reversed changes lead back to `a`, and a snapshot of the changes through one `check` helper.

use aludel_schema::{
    Change, Check, Column, ColumnType, Dependency, EnumType, EnumValue, Expr, Extension, FkAction,
    ForeignKey, FunctionId, Ident, Identity, IdentityKind, Index, IndexKey, IndexTarget, Namespace,
    PrimaryKey, QualifiedName, Schema, Sequence, SequenceOptions, Table, Trigger, TriggerEnabled,
    TriggerId, Unique, View, ViewColumn, naming,
};
use expect_test::{Expect, expect};

use crate::{DiffError, diff};

fn qn(s: &str) -> QualifiedName {
    let (a, b) = s.split_once('.').unwrap_or(("public", s));
    QualifiedName::new(a, b)
}

fn col(name: &str, ty: ColumnType) -> Column {
    Column::new(name, ty)
}

fn not_null(mut c: Column) -> Column {
    c.nullable = false;
    c
}

fn with_default(mut c: Column, d: &str) -> Column {
    c.default = Some(Expr::new(d));
    c
}

fn identity(mut c: Column, kind: IdentityKind) -> Column {
    c.nullable = false;
    c.identity = Some(Identity {
        kind,
        sequence_name: None,
        options: SequenceOptions::default(),
    });
    c
}

fn pk(table: &str, cols: &[&str]) -> PrimaryKey {
    PrimaryKey {
        name: Ident::new(naming::primary_key(table)),
        columns: cols.iter().map(|c| Ident::new(*c)).collect(),
        include: vec![],
        deferrable: Default::default(),
    }
}

fn fk(table: &str, col: &str, target: &str, ref_col: &str) -> ForeignKey {
    ForeignKey {
        name: Ident::new(naming::on_columns(table, &[col], "fkey")),
        columns: vec![Ident::new(col)],
        ref_table: qn(target),
        ref_columns: vec![Ident::new(ref_col)],
        on_delete: FkAction::Cascade,
        on_update: FkAction::NoAction,
        match_type: Default::default(),
        deferrable: Default::default(),
        valid: true,
    }
}

fn index(name: &str, cols: &[&str]) -> Index {
    Index {
        name: Ident::new(name),
        unique: false,
        nulls_not_distinct: false,
        method: Ident::new("btree"),
        keys: cols.iter().map(|c| IndexKey::column(*c)).collect(),
        include: vec![],
        predicate: None,
        comment: None,
    }
}

fn enum_type(name: &str, values: &[&str]) -> EnumType {
    EnumType {
        name: qn(name),
        values: values.iter().map(|v| EnumValue::new(*v)).collect(),
        comment: None,
        renamed_from: None,
    }
}

fn mood() -> ColumnType {
    ColumnType::Enum { name: qn("mood") }
}

fn table(name: &str, columns: Vec<Column>) -> Table {
    let mut t = Table::new(qn(name));
    t.columns = columns;
    t
}

fn schema(tables: Vec<Table>) -> Schema {
    let mut s = Schema::new();
    s.add_namespace(Namespace {
        name: Ident::new("public"),
        comment: None,
        renamed_from: None,
    });
    for t in tables {
        s.add_table(t);
    }
    s
}

/// A schema with one of everything: enums, sequences, identity and serial columns, generated
/// columns, a self-referential and a circular foreign key, partial and expression indexes,
/// checks, comments, a second schema and an extension.
fn rich() -> Schema {
    let mut accounts = table(
        "accounts",
        vec![
            identity(col("id", ColumnType::BigInt), IdentityKind::Always),
            not_null(col("name", ColumnType::Text)),
            col("owner_id", ColumnType::BigInt),
            col("parent_id", ColumnType::BigInt),
            with_default(col("state", mood()), "'happy'::mood"),
            col(
                "tags",
                ColumnType::Array {
                    element: Box::new(mood()),
                },
            ),
        ],
    );
    accounts.primary_key = Some(pk("accounts", &["id"]));
    accounts.comment = Some("customer accounts".into());
    accounts.columns[1].comment = Some("display name".into());
    accounts.foreign_keys = vec![
        fk("accounts", "owner_id", "users", "id"),
        fk("accounts", "parent_id", "accounts", "id"),
    ];
    accounts.checks = vec![Check {
        name: Ident::new("accounts_name_check"),
        expr: Expr::new("(length(name) > 0)"),
        no_inherit: false,
        valid: true,
    }];
    let mut partial = index("accounts_state_idx", &["state"]);
    partial.predicate = Some(Expr::new("(state <> 'sad'::mood)"));
    let mut lower = index("accounts_lower_idx", &[]);
    lower.keys = vec![IndexKey {
        target: IndexTarget::Expression(Expr::new("lower(name)")),
        collation: None,
        opclass: None,
        descending: true,
        nulls_first: true,
    }];
    accounts.indexes = vec![partial, lower];

    let mut users = table(
        "users",
        vec![
            not_null(with_default(
                col("id", ColumnType::BigInt),
                "nextval('users_id_seq'::regclass)",
            )),
            not_null(col("account_id", ColumnType::BigInt)),
            col("email", ColumnType::Varchar { length: Some(200) }),
            col("lower_email", ColumnType::Text),
        ],
    );
    users.columns[0].owned_sequence = Some(Sequence::new(qn("users_id_seq"), ColumnType::BigInt));
    users.columns[3].generated = Some(Expr::new("lower((email)::text)"));
    users.primary_key = Some(pk("users", &["id"]));
    users.uniques = vec![Unique {
        name: Ident::new("users_email_key"),
        columns: vec![Ident::new("email")],
        nulls_not_distinct: true,
        include: vec![],
        deferrable: Default::default(),
    }];
    users.foreign_keys = vec![fk("users", "account_id", "accounts", "id")];

    let mut audit = table(
        "audit.events",
        vec![
            identity(col("id", ColumnType::Integer), IdentityKind::ByDefault),
            col("payload", ColumnType::Jsonb),
            col(
                "at",
                ColumnType::Timestamp {
                    precision: None,
                    with_time_zone: true,
                },
            ),
        ],
    );
    audit.primary_key = Some(pk("events", &["id"]));

    let mut s = schema(vec![accounts, users, audit]);
    s.add_namespace(Namespace {
        name: Ident::new("audit"),
        comment: Some("audit trail".into()),
        renamed_from: None,
    });
    s.add_enum(enum_type("mood", &["sad", "ok", "happy"]));
    s.add_extension(Extension {
        name: Ident::new("citext"),
        schema: Ident::new("public"),
    });
    let mut seq = Sequence::new(qn("invoice_numbers"), ColumnType::BigInt);
    seq.options.start = Some(1000);
    seq.options.increment = Some(10);
    seq.owned_by = Some((qn("users"), Ident::new("email")));
    s.add_sequence(seq);
    s
}

/// Strips rename hints and puts columns in name order: the state compared after a migration.
fn canon(s: &Schema) -> Schema {
    let mut s = s.clone();
    s.strip_hints();
    for t in s.tables.values_mut() {
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
    }
    s.normalize();
    s
}

fn apply_all(s: &Schema, changes: &[Change]) -> Schema {
    let mut s = s.clone();
    for c in changes {
        s.apply(c).unwrap_or_else(|e| panic!("applying {c:?}: {e}"));
    }
    s
}

/// The in-memory properties of one pair; returns the changes.
fn round_trip(a: &Schema, b: &Schema) -> Vec<Change> {
    let (changes, diags) = diff(a, b).expect("diff");
    assert!(
        !diags.contains(&crate::Diagnostic::DependencyCycle),
        "the dependency graph has no cycle: {changes:#?}"
    );
    let (again, _) = diff(a, b).expect("diff");
    assert_eq!(changes, again, "diff is deterministic");
    for c in &changes {
        assert_eq!(&c.reverse().reverse(), c);
    }
    let upgraded = apply_all(a, &changes);
    assert_eq!(canon(&upgraded), canon(b), "apply(a, diff(a, b)) == b");
    let (rest, _) = diff(&upgraded, b).expect("diff");
    assert!(
        rest.is_empty(),
        "diff after the upgrade is empty: {rest:#?}"
    );
    let down: Vec<Change> = changes.iter().rev().map(Change::reverse).collect();
    let downgraded = apply_all(&upgraded, &down);
    assert_eq!(
        canon(&downgraded),
        canon(a),
        "the downgrade leads back to a"
    );
    changes
}

/// Runs the round trip and snapshots the changes (one per line) and the diagnostics.
fn check(a: &Schema, b: &Schema, expect: Expect) {
    let changes = round_trip(a, b);
    let (_, diags) = diff(a, b).expect("diff");
    let mut out = String::new();
    for c in &changes {
        out.push_str(&describe(c));
        out.push('\n');
    }
    for d in &diags {
        out.push_str(&format!("diagnostic: {d}\n"));
    }
    expect.assert_eq(&out);
}

/// One short line per change: its kind and the object it touches.
fn describe(c: &Change) -> String {
    if let Change::Rebuilt {
        reason,
        change,
        active,
        ..
    } = c
    {
        let inner = describe(change);
        // an inactive rebuild has no hazards of its own (it runs nothing)
        let (inner, when) = match inner.split_once(" [") {
            Some((plain, _)) if !*active => (plain.to_owned(), ", once reversed"),
            _ if !*active => (inner.clone(), ", once reversed"),
            _ => (inner.clone(), ""),
        };
        return format!("{inner} (rebuilt{when}: {reason})");
    }
    let dbg = format!("{c:?}");
    let kind = dbg
        .split(['(', ' ', '{'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let object = match c {
        Change::CreateSchema(n) | Change::DropSchema(n) => n.name.to_string(),
        Change::CreateExtension(e) | Change::DropExtension(e) => e.name.to_string(),
        Change::CreateEnum(e) | Change::DropEnum(e) => e.name.to_string(),
        Change::AddEnumValue(a) | Change::RemoveEnumValue(a) => {
            format!("{} {} {:?}", a.enum_name, a.value, a.position())
        }
        Change::RecreateEnum { old, new, usage } => format!(
            "{} {:?} -> {:?} ({} columns)",
            old.name,
            old.values.iter().map(|v| &v.name).collect::<Vec<_>>(),
            new.values.iter().map(|v| &v.name).collect::<Vec<_>>(),
            usage.columns.len(),
        ),
        Change::RenameEnumValue {
            enum_name,
            from,
            to,
        } => format!("{enum_name} {from} -> {to}"),
        Change::RenameEnum { from, to }
        | Change::RenameSequence { from, to }
        | Change::RenameTable { from, to } => format!("{from} -> {to}"),
        Change::CreateSequence(s) | Change::DropSequence(s) => s.name.to_string(),
        Change::AlterSequence { name, .. } | Change::SetSequenceOwner { name, .. } => {
            name.to_string()
        }
        Change::CreateTable(t) | Change::DropTable(t) => t.name.to_string(),
        Change::AddColumn { table, column } | Change::DropColumn { table, column } => {
            format!("{table}.{}", column.name)
        }
        Change::ReplaceColumn { table, new, .. } => format!("{table}.{}", new.name),
        Change::RenameColumn { table, from, to }
        | Change::RenameConstraint { table, from, to }
        | Change::RenameIndex { table, from, to } => format!("{table} {from} -> {to}"),
        Change::AlterColumnType {
            table,
            column,
            old,
            new,
        } => format!(
            "{table}.{column} {} -> {} using {:?}",
            old.ty, new.ty, new.using
        ),
        Change::SetNotNull { table, column }
        | Change::DropNotNull { table, column }
        | Change::AddIdentity { table, column, .. }
        | Change::DropIdentity { table, column, .. }
        | Change::AlterIdentity { table, column, .. }
        | Change::SetOwnedSequence { table, column, .. } => format!("{table}.{column}"),
        Change::SetDefault {
            table,
            column,
            old,
            new,
        } => format!("{table}.{column} {old:?} -> {new:?}"),
        Change::AddConstraint { table, constraint }
        | Change::DropConstraint { table, constraint }
        | Change::ValidateConstraint { table, constraint }
        | Change::InvalidateConstraint { table, constraint } => {
            format!("{table}.{}", constraint.name())
        }
        Change::CreateIndex { table, index } | Change::DropIndex { table, index } => {
            format!("{table}.{}", index.name)
        }
        Change::SetComment { target, new, .. } => format!("{target:?} {new:?}"),
        Change::RenameSchema { from, to } => format!("{from} -> {to}"),
        Change::SetExtensionSchema { name, from, to } => format!("{name} {from} -> {to}"),
        Change::CreateView(v) | Change::DropView(v) => v.name.to_string(),
        Change::AlterView { new, .. } => new.name.to_string(),
        Change::RenameView { from, to, .. } => format!("{from} -> {to}"),
        Change::CreateFunction(f) | Change::DropFunction(f) => f.id.to_string(),
        Change::AlterFunction { new, .. } => new.id.to_string(),
        Change::RenameFunction { from, to, .. } => format!("{from} -> {to}"),
        Change::CreateTrigger(t) | Change::DropTrigger(t) => t.id.to_string(),
        Change::AlterTrigger { new, .. } => new.id.to_string(),
        Change::RenameTrigger { table, from, to } => format!("{table} {from} -> {to}"),
        Change::CreateStatistics(x) | Change::DropStatistics(x) => x.name.to_string(),
        Change::AlterStatistics { new, .. } => new.name.to_string(),
        Change::RenameStatistics { from, to } => format!("{from} -> {to}"),
        Change::CreatePolicy(p) | Change::DropPolicy(p) => p.id.to_string(),
        Change::AlterPolicy { new, .. } => new.id.to_string(),
        Change::RenamePolicy { table, from, to } => format!("{table} {from} -> {to}"),
        Change::SetRowSecurity { table, old, new } => format!("{table} {old:?} -> {new:?}"),
        Change::Rebuilt { .. } => unreachable!("described above"),
    };
    let hazards: Vec<String> = c.hazards().iter().map(|h| format!("[{h}]")).collect();
    if hazards.is_empty() {
        format!("{kind} {object}")
    } else {
        format!("{kind} {object} {}", hazards.join(" "))
    }
}

#[test]
fn identical_schemas_have_no_changes() {
    for s in [Schema::new(), schema(vec![]), rich()] {
        let (changes, diags) = diff(&s, &s).unwrap();
        assert!(changes.is_empty(), "{changes:#?}");
        assert!(diags.is_empty());
    }
}

#[test]
fn column_order_is_not_semantic() {
    let a = rich();
    let mut b = rich();
    for t in b.tables.values_mut() {
        t.columns.reverse();
    }
    assert!(diff(&a, &b).unwrap().0.is_empty());
}

#[test]
fn create_everything_in_dependency_order() {
    check(
        &Schema::new(),
        &rich(),
        expect![[r#"
            CreateSchema audit
            CreateSchema public
            CreateExtension citext
            CreateEnum public.mood
            CreateSequence public.invoice_numbers
            CreateTable audit.events
            CreateTable public.accounts
            CreateTable public.users
            CreateIndex public.accounts.accounts_lower_idx [blocks-writes public.accounts]
            CreateIndex public.accounts.accounts_state_idx [blocks-writes public.accounts]
            SetSequenceOwner public.invoice_numbers
            AddConstraint public.accounts.accounts_owner_id_fkey [blocks-writes public.accounts] [may-fail-on-existing-rows public.accounts.accounts_owner_id_fkey]
            AddConstraint public.accounts.accounts_parent_id_fkey [blocks-writes public.accounts] [may-fail-on-existing-rows public.accounts.accounts_parent_id_fkey]
            AddConstraint public.users.users_account_id_fkey [blocks-writes public.users] [may-fail-on-existing-rows public.users.users_account_id_fkey]
        "#]],
    );
}

#[test]
fn drop_everything_in_dependency_order() {
    check(
        &rich(),
        &Schema::new(),
        expect![[r#"
            SetSequenceOwner public.invoice_numbers
            DropConstraint public.accounts.accounts_owner_id_fkey
            DropConstraint public.accounts.accounts_parent_id_fkey
            DropConstraint public.users.users_account_id_fkey
            DropIndex public.accounts.accounts_lower_idx
            DropIndex public.accounts.accounts_state_idx
            DropTable audit.events [data-loss audit.events]
            DropTable public.accounts [data-loss public.accounts]
            DropTable public.users [data-loss public.users]
            DropEnum public.mood
            DropSequence public.invoice_numbers
            DropExtension citext
            DropSchema audit
            DropSchema public
        "#]],
    );
}

fn users_v1() -> Table {
    let mut t = table(
        "users",
        vec![
            identity(col("id", ColumnType::BigInt), IdentityKind::Always),
            col("name", ColumnType::Varchar { length: Some(50) }),
            col("age", ColumnType::Integer),
            col("legacy", ColumnType::Boolean),
            with_default(col("note", ColumnType::Text), "''::text"),
        ],
    );
    t.primary_key = Some(pk("users", &["id"]));
    t.indexes = vec![index("users_name_idx", &["name"])];
    t
}

#[test]
fn column_properties() {
    let a = schema(vec![users_v1()]);
    let mut t = users_v1();
    t.columns.retain(|c| c.name.as_str() != "legacy");
    t.columns[1].ty = ColumnType::Varchar { length: Some(20) };
    t.columns[1].nullable = false;
    t.columns[2].ty = ColumnType::BigInt;
    t.columns[2].comment = Some("in years".into());
    t.columns[3].default = Some(Expr::new("'n/a'::text"));
    t.columns.push(not_null(with_default(
        col("active", ColumnType::Boolean),
        "true",
    )));
    t.columns.push(not_null(col("score", ColumnType::Integer)));
    t.comment = Some("people".into());
    let b = schema(vec![t]);
    check(
        &a,
        &b,
        expect![[r#"
            DropColumn public.users.legacy [data-loss public.users.legacy]
            AddColumn public.users.active
            AddColumn public.users.score [may-fail-on-existing-rows public.users.score]
            AlterColumnType public.users.name character varying(50) -> character varying(20) using Some(Expr("name::character varying(20)")) [rewrites-table public.users] [may-fail-on-existing-rows public.users.name]
            SetNotNull public.users.name [blocks-writes public.users] [may-fail-on-existing-rows public.users.name]
            AlterColumnType public.users.age integer -> bigint using None [rewrites-table public.users]
            SetDefault public.users.note Some(Expr("''::text")) -> Some(Expr("'n/a'::text"))
            SetComment Column(QualifiedName { schema: Ident("public"), name: Ident("users") }, Ident("age")) Some("in years")
            SetComment Table(QualifiedName { schema: Ident("public"), name: Ident("users") }) Some("people")
        "#]],
    );
}

#[test]
fn type_change_drops_and_restores_the_default() {
    let a = schema(vec![table(
        "t",
        vec![with_default(col("n", ColumnType::Text), "'1'::text")],
    )]);
    let b = schema(vec![table(
        "t",
        vec![with_default(col("n", ColumnType::Integer), "1")],
    )]);
    check(
        &a,
        &b,
        expect![[r#"
            SetDefault public.t.n Some(Expr("'1'::text")) -> None
            AlterColumnType public.t.n text -> integer using Some(Expr("n::integer")) [rewrites-table public.t] [may-fail-on-existing-rows public.t.n]
            SetDefault public.t.n None -> Some(Expr("1"))
        "#]],
    );
}

#[test]
fn enum_values_added_at_their_position() {
    let mut a = schema(vec![table(
        "t",
        vec![with_default(col("m", mood()), "'ok'::mood")],
    )]);
    a.add_enum(enum_type("mood", &["sad", "ok"]));
    let mut b = a.clone();
    b.add_enum(enum_type(
        "mood",
        &["meh", "sad", "calm", "ok", "happy", "joy"],
    ));
    check(
        &a,
        &b,
        expect![[r#"
            AddEnumValue public.mood meh Before("sad")
            AddEnumValue public.mood calm After("sad")
            AddEnumValue public.mood happy After("ok")
            AddEnumValue public.mood joy After("happy")
        "#]],
    );
}

#[test]
fn enum_value_removed_by_recreating_the_type() {
    let mut t = table(
        "t",
        vec![
            with_default(col("m", mood()), "'ok'::mood"),
            col(
                "ms",
                ColumnType::Array {
                    element: Box::new(mood()),
                },
            ),
        ],
    );
    t.checks = vec![Check {
        name: Ident::new("t_m_check"),
        expr: Expr::new("(m <> 'sad'::mood)"),
        no_inherit: false,
        valid: true,
    }];
    let mut partial = index("t_m_idx", &["m"]);
    partial.predicate = Some(Expr::new("(m = 'ok'::mood)"));
    t.indexes = vec![partial, index("t_plain_idx", &["m"])];
    let mut a = schema(vec![t]);
    a.add_enum(enum_type("mood", &["sad", "ok", "happy"]));
    let mut b = a.clone();
    b.add_enum(enum_type("mood", &["happy", "sad", "ok"]));
    check(
        &a,
        &b,
        expect![[r#"
            DropConstraint public.t.t_m_check (rebuilt: public.t.t_m_check depends on public.mood)
            DropIndex public.t.t_m_idx (rebuilt: public.t_m_idx depends on public.mood)
            RecreateEnum public.mood ["sad", "ok", "happy"] -> ["happy", "sad", "ok"] (2 columns) [rewrites-table public.mood]
            AddConstraint public.t.t_m_check [blocks-writes public.t] [may-fail-on-existing-rows public.t.t_m_check] (rebuilt: public.t.t_m_check depends on public.mood)
            CreateIndex public.t.t_m_idx [blocks-writes public.t] (rebuilt: public.t_m_idx depends on public.mood)
        "#]],
    );
    let mut c = a.clone();
    c.add_enum(enum_type("mood", &["sad", "ok"]));
    check(
        &a,
        &c,
        expect![[r#"
            DropConstraint public.t.t_m_check (rebuilt: public.t.t_m_check depends on public.mood)
            DropIndex public.t.t_m_idx (rebuilt: public.t_m_idx depends on public.mood)
            RecreateEnum public.mood ["sad", "ok", "happy"] -> ["sad", "ok"] (2 columns) [data-loss public.mood.happy] [rewrites-table public.mood] [may-fail-on-existing-rows public.mood]
            AddConstraint public.t.t_m_check [blocks-writes public.t] [may-fail-on-existing-rows public.t.t_m_check] (rebuilt: public.t.t_m_check depends on public.mood)
            CreateIndex public.t.t_m_idx [blocks-writes public.t] (rebuilt: public.t_m_idx depends on public.mood)
        "#]],
    );
}

#[test]
fn the_graph_orders_a_column_leaving_a_recreated_enum_before_the_type_whatever_its_kind() {
    // by kind, type changes come before column changes; the graph knows the column must leave
    // the old type before it is recreated (and, in the downgrade, join the new one after)
    let t = table("t", vec![col("m", mood()), col("n", mood())]);
    let mut a = schema(vec![t.clone()]);
    a.add_enum(enum_type("mood", &["sad", "ok"]));
    a.add_enum(enum_type("aaa", &["x"]));
    let mut t2 = t;
    t2.columns[0] = col("m", ColumnType::Text);
    let mut b = schema(vec![t2]);
    b.add_enum(enum_type("mood", &["ok", "sad"]));
    b.add_enum(enum_type("aaa", &["x", "y"]));
    check(
        &a,
        &b,
        expect![[r#"
            AddEnumValue public.aaa y After("x")
            AlterColumnType public.t.m public.mood -> text using None [rewrites-table public.t]
            RecreateEnum public.mood ["sad", "ok"] -> ["ok", "sad"] (1 columns) [rewrites-table public.mood]
        "#]],
    );
    let (down, _) = diff(&b, &a).expect("diff");
    let text: Vec<String> = down.iter().map(describe).collect();
    let downgrade = expect![[r#"
        RecreateEnum public.aaa ["x", "y"] -> ["x"] (0 columns) [data-loss public.aaa.y] [rewrites-table public.aaa] [may-fail-on-existing-rows public.aaa]
        RecreateEnum public.mood ["ok", "sad"] -> ["sad", "ok"] (1 columns) [rewrites-table public.mood]
        AlterColumnType public.t.m text -> public.mood using Some(Expr("m::text::public.mood")) [rewrites-table public.t] [may-fail-on-existing-rows public.t.m]"#]];
    downgrade.assert_eq(&text.join("\n"));
}

#[test]
fn an_added_enum_value_rebuilds_the_checks_naming_the_type_only_in_the_downgrade() {
    let mut t = table("t", vec![col("m", mood())]);
    t.checks = vec![Check {
        name: Ident::new("t_m_check"),
        expr: Expr::new("(m <> 'sad'::mood)"),
        no_inherit: false,
        valid: true,
    }];
    let mut a = schema(vec![t]);
    a.add_enum(enum_type("mood", &["sad", "ok"]));
    let mut b = a.clone();
    b.add_enum(enum_type("mood", &["sad", "meh", "ok"]));
    check(
        &a,
        &b,
        expect![[r#"
        DropConstraint public.t.t_m_check (rebuilt, once reversed: public.t.t_m_check depends on public.mood)
        AddEnumValue public.mood meh After("sad")
        AddConstraint public.t.t_m_check (rebuilt, once reversed: public.t.t_m_check depends on public.mood)
    "#]],
    );
    let (up, _) = diff(&a, &b).expect("diff");
    let down: Vec<String> = up.iter().rev().map(|c| describe(&c.reverse())).collect();
    let downgrade = expect![[r#"
        DropConstraint public.t.t_m_check (rebuilt: public.t.t_m_check depends on public.mood)
        RemoveEnumValue public.mood meh After("sad") [data-loss public.mood.meh] [rewrites-table public.mood] [may-fail-on-existing-rows public.mood]
        AddConstraint public.t.t_m_check [blocks-writes public.t] [may-fail-on-existing-rows public.t.t_m_check] (rebuilt: public.t.t_m_check depends on public.mood)"#]];
    downgrade.assert_eq(&down.join("\n"));
}

#[test]
fn enum_renames_follow_hints() {
    let mut a = schema(vec![table(
        "t",
        vec![col(
            "m",
            ColumnType::Enum {
                name: qn("feeling"),
            },
        )],
    )]);
    a.add_enum(enum_type("feeling", &["sad", "ok"]));
    let mut b = schema(vec![table("t", vec![col("m", mood())])]);
    let mut e = enum_type("mood", &["sad", "fine"]);
    e.renamed_from = Some(qn("feeling"));
    e.values[1].renamed_from = Some("ok".into());
    b.add_enum(e);
    check(
        &a,
        &b,
        expect![[r#"
            RenameEnum public.feeling -> public.mood
            RenameEnumValue public.mood ok -> fine
        "#]],
    );
}

#[test]
fn table_renamed_across_schemas_takes_its_default_names_along() {
    let mut t = users_v1();
    t.foreign_keys = vec![];
    let mut a = schema(vec![t]);
    let mut child = table("posts", vec![col("user_id", ColumnType::BigInt)]);
    child.foreign_keys = vec![fk("posts", "user_id", "users", "id")];
    a.add_table(child.clone());

    let mut moved = users_v1();
    moved.name = qn("app.people");
    moved.renamed_from = Some(qn("public.users"));
    moved.primary_key = Some(pk("people", &["id"]));
    moved.indexes = vec![index("people_name_idx", &["name"])];
    let mut b = schema(vec![moved]);
    b.add_namespace(Namespace {
        name: Ident::new("app"),
        comment: None,
        renamed_from: None,
    });
    child.foreign_keys[0].ref_table = qn("app.people");
    b.add_table(child);
    check(
        &a,
        &b,
        expect![[r#"
            CreateSchema app
            RenameTable public.users -> app.people
            RenameConstraint app.people users_pkey -> people_pkey
            RenameIndex app.people users_name_idx -> people_name_idx
            RenameSequence app.users_id_seq -> app.people_id_seq
        "#]],
    );
}

#[test]
fn column_rename_hints() {
    let a = schema(vec![users_v1()]);
    let mut t = users_v1();
    t.columns[1].name = Ident::new("full_name");
    t.columns[1].renamed_from = Some(Ident::new("name"));
    t.columns[0].name = Ident::new("user_id");
    t.columns[0].renamed_from = Some(Ident::new("id"));
    t.primary_key = Some(pk("users", &["user_id"]));
    t.indexes = vec![index("users_full_name_idx", &["full_name"])];
    // a hint whose old name is absent is inert
    t.columns[2].renamed_from = Some(Ident::new("years"));
    let b = schema(vec![t]);
    check(
        &a,
        &b,
        expect![[r#"
            RenameColumn public.users id -> user_id
            RenameColumn public.users name -> full_name
            RenameIndex public.users users_name_idx -> users_full_name_idx
            RenameSequence public.users_id_seq -> public.users_user_id_seq
        "#]],
    );
}

#[test]
fn a_hint_whose_old_and_new_names_both_exist_is_an_error() {
    let a = schema(vec![users_v1()]);
    let mut t = users_v1();
    t.columns[2].renamed_from = Some(Ident::new("name"));
    let b = schema(vec![t]);
    let err = diff(&a, &b).unwrap_err();
    assert!(matches!(err, DiffError::RenameConflict { .. }));
    expect!["column age is marked renamed from name, but both exist in the current schema"]
        .assert_eq(&err.to_string());
    expect!["remove the `renamed_from` hint or drop name explicitly"]
        .assert_eq(&err.hint().unwrap());
}

#[test]
fn a_dropped_and_added_column_of_one_type_suggest_a_rename() {
    let a = schema(vec![users_v1()]);
    let mut t = users_v1();
    t.columns[3].name = Ident::new("is_legacy");
    let b = schema(vec![t]);
    check(
        &a,
        &b,
        expect![[r#"
            DropColumn public.users.legacy [data-loss public.users.legacy]
            AddColumn public.users.is_legacy
            diagnostic: column public.users.legacy is dropped and public.users.is_legacy of the same type is added; hint: if this is a rename, mark the new column `renamed_from = "legacy"` so no data is lost
        "#]],
    );
}

#[test]
fn foreign_key_cycles_are_created_tables_first() {
    let mut a_t = table(
        "a",
        vec![
            not_null(col("id", ColumnType::Integer)),
            col("b_id", ColumnType::Integer),
        ],
    );
    a_t.primary_key = Some(pk("a", &["id"]));
    a_t.foreign_keys = vec![fk("a", "b_id", "b", "id")];
    let mut b_t = table(
        "b",
        vec![
            not_null(col("id", ColumnType::Integer)),
            col("c_id", ColumnType::Integer),
        ],
    );
    b_t.primary_key = Some(pk("b", &["id"]));
    b_t.foreign_keys = vec![fk("b", "c_id", "c", "id")];
    let mut c_t = table(
        "c",
        vec![
            not_null(col("id", ColumnType::Integer)),
            col("a_id", ColumnType::Integer),
            col("parent", ColumnType::Integer),
        ],
    );
    c_t.primary_key = Some(pk("c", &["id"]));
    c_t.foreign_keys = vec![fk("c", "a_id", "a", "id"), fk("c", "parent", "c", "id")];
    let empty = schema(vec![]);
    let full = schema(vec![a_t, b_t, c_t]);
    check(
        &empty,
        &full,
        expect![[r#"
            CreateTable public.a
            CreateTable public.b
            CreateTable public.c
            AddConstraint public.a.a_b_id_fkey [blocks-writes public.a] [may-fail-on-existing-rows public.a.a_b_id_fkey]
            AddConstraint public.b.b_c_id_fkey [blocks-writes public.b] [may-fail-on-existing-rows public.b.b_c_id_fkey]
            AddConstraint public.c.c_a_id_fkey [blocks-writes public.c] [may-fail-on-existing-rows public.c.c_a_id_fkey]
            AddConstraint public.c.c_parent_fkey [blocks-writes public.c] [may-fail-on-existing-rows public.c.c_parent_fkey]
        "#]],
    );
}

#[test]
fn identity_and_generated_columns() {
    let mut a_t = table(
        "t",
        vec![
            not_null(col("id", ColumnType::BigInt)),
            identity(col("n", ColumnType::Integer), IdentityKind::ByDefault),
            col("x", ColumnType::Integer),
            col("y", ColumnType::Integer),
        ],
    );
    a_t.columns[3].generated = Some(Expr::new("(x * 2)"));
    a_t.indexes = vec![index("t_y_idx", &["y"])];
    let mut b_t = a_t.clone();
    b_t.columns[0] = identity(col("id", ColumnType::BigInt), IdentityKind::Always);
    b_t.columns[1].identity = Some(Identity {
        kind: IdentityKind::Always,
        sequence_name: None,
        options: SequenceOptions {
            increment: Some(5),
            ..Default::default()
        },
    });
    b_t.columns[3].generated = Some(Expr::new("(x * 3)"));
    check(
        &schema(vec![a_t]),
        &schema(vec![b_t]),
        expect![[r#"
            DropIndex public.t.t_y_idx (rebuilt: public.t_y_idx depends on public.t.y)
            AddIdentity public.t.id [blocks-writes public.t]
            AlterIdentity public.t.n
            ReplaceColumn public.t.y [data-loss public.t.y] [rewrites-table public.t]
            CreateIndex public.t.t_y_idx [blocks-writes public.t] (rebuilt: public.t_y_idx depends on public.t.y)
        "#]],
    );
}

#[test]
fn constraints_and_indexes() {
    let mut a_t = users_v1();
    a_t.checks = vec![Check {
        name: Ident::new("users_age_check"),
        expr: Expr::new("(age > 0)"),
        no_inherit: false,
        valid: false,
    }];
    let mut b_t = a_t.clone();
    b_t.checks[0].valid = true;
    b_t.checks.push(Check {
        name: Ident::new("users_name_check"),
        expr: Expr::new("(length((name)::text) > 1)"),
        no_inherit: false,
        valid: true,
    });
    b_t.indexes[0].predicate = Some(Expr::new("(age > 18)"));
    b_t.uniques = vec![Unique {
        name: Ident::new("users_name_key"),
        columns: vec![Ident::new("name")],
        nulls_not_distinct: false,
        include: vec![],
        deferrable: Default::default(),
    }];
    let mut ix = index("users_age_idx", &["age"]);
    ix.comment = Some("by age".into());
    b_t.indexes.push(ix);
    check(
        &schema(vec![a_t]),
        &schema(vec![b_t]),
        expect![[r#"
            DropIndex public.users.users_name_idx
            AddConstraint public.users.users_name_key [blocks-writes public.users] [may-fail-on-existing-rows public.users.users_name_key]
            AddConstraint public.users.users_name_check [blocks-writes public.users] [may-fail-on-existing-rows public.users.users_name_check]
            CreateIndex public.users.users_name_idx [blocks-writes public.users]
            CreateIndex public.users.users_age_idx [blocks-writes public.users]
            ValidateConstraint public.users.users_age_check [may-fail-on-existing-rows public.users.users_age_check]
        "#]],
    );
}

#[test]
fn sequences() {
    let mut a = schema(vec![users_v1()]);
    let mut s1 = Sequence::new(qn("s1"), ColumnType::Integer);
    s1.owned_by = Some((qn("users"), Ident::new("age")));
    a.add_sequence(s1.clone());
    a.add_sequence(Sequence::new(qn("s2"), ColumnType::BigInt));
    let mut b = schema(vec![users_v1()]);
    s1.data_type = ColumnType::BigInt;
    s1.options.cycle = true;
    s1.owned_by = None;
    s1.comment = Some("counter".into());
    b.add_sequence(s1);
    let mut s3 = Sequence::new(qn("s3"), ColumnType::BigInt);
    s3.renamed_from = Some(qn("s2"));
    b.add_sequence(s3);
    check(
        &a,
        &b,
        expect![[r#"
            RenameSequence public.s2 -> public.s3
            SetSequenceOwner public.s1
            AlterSequence public.s1
            SetComment Sequence(QualifiedName { schema: Ident("public"), name: Ident("s1") }) Some("counter")
        "#]],
    );
}

/// Random schemas over a small universe of names, so that pairs overlap: up to four tables with
/// optional columns of several types (an enum among them), defaults, comments, foreign keys
/// (including cycles and self-references), plain and partial indexes, checks.
mod random {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    use super::*;

    const VALUES: [&str; 4] = ["a", "b", "c", "d"];

    #[derive(Debug, Clone)]
    struct ColSpec {
        ty: usize,
        nullable: bool,
        default: bool,
        comment: bool,
    }

    #[derive(Debug, Clone)]
    struct TableSpec {
        columns: Vec<Option<ColSpec>>,
        refs: Vec<bool>,
        index: Option<bool>,
        check: bool,
        comment: bool,
    }

    fn col_spec() -> impl Strategy<Value = Option<ColSpec>> {
        proptest::option::of(
            (0usize..7, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
                |(ty, nullable, default, comment)| ColSpec {
                    ty,
                    nullable,
                    default,
                    comment,
                },
            ),
        )
    }

    fn table_spec() -> impl Strategy<Value = Option<TableSpec>> {
        proptest::option::of(
            (
                proptest::collection::vec(col_spec(), 3),
                proptest::collection::vec(any::<bool>(), 4),
                proptest::option::of(any::<bool>()),
                any::<bool>(),
                any::<bool>(),
            )
                .prop_map(|(columns, refs, index, check, comment)| TableSpec {
                    columns,
                    refs,
                    index,
                    check,
                    comment,
                }),
        )
    }

    fn schema_strategy() -> impl Strategy<Value = Schema> {
        (
            proptest::collection::vec(table_spec(), 4),
            proptest::sample::subsequence(VALUES.to_vec(), 0..=4).prop_shuffle(),
        )
            .prop_map(|(tables, values)| build(&tables, &values))
    }

    fn build(tables: &[Option<TableSpec>], values: &[&str]) -> Schema {
        let names = ["t0", "t1", "t2", "t3"];
        let mut built = Vec::new();
        for (i, spec) in tables.iter().enumerate() {
            let Some(spec) = spec else { continue };
            let mut t = table(names[i], vec![not_null(col("id", ColumnType::BigInt))]);
            t.primary_key = Some(pk(names[i], &["id"]));
            for (j, c) in spec.columns.iter().enumerate() {
                let Some(c) = c else { continue };
                let (ty, default) = match c.ty {
                    0 => (ColumnType::Integer, "0".to_owned()),
                    1 => (ColumnType::BigInt, "1".to_owned()),
                    2 => (ColumnType::Text, "'x'::text".to_owned()),
                    3 => (
                        ColumnType::Varchar { length: Some(10) },
                        "'y'::character varying".to_owned(),
                    ),
                    4 => (
                        ColumnType::Varchar { length: Some(20) },
                        "'y'::character varying".to_owned(),
                    ),
                    5 => (ColumnType::Boolean, "true".to_owned()),
                    _ => (
                        mood(),
                        values
                            .first()
                            .map(|v| format!("'{v}'::mood"))
                            .unwrap_or_default(),
                    ),
                };
                let mut column = col(&format!("c{j}"), ty);
                column.nullable = c.nullable;
                if c.default && !default.is_empty() {
                    column.default = Some(Expr::new(default));
                }
                if c.comment {
                    column.comment = Some(format!("column {j}"));
                }
                t.columns.push(column);
            }
            for (k, r) in spec.refs.iter().enumerate() {
                if *r && tables[k].is_some() {
                    let c = format!("ref_{}", names[k]);
                    t.columns.push(col(&c, ColumnType::BigInt));
                    t.foreign_keys.push(fk(names[i], &c, names[k], "id"));
                }
            }
            if let Some(partial) = spec.index
                && t.column(&Ident::new("c0")).is_some()
            {
                let mut ix = index(&naming::on_columns(names[i], &["c0"], "idx"), &["c0"]);
                if partial {
                    ix.predicate = Some(Expr::new("(c0 IS NOT NULL)"));
                }
                t.indexes.push(ix);
            }
            if spec.check && t.column(&Ident::new("c1")).is_some() {
                t.checks.push(Check {
                    name: Ident::new(naming::on_columns(names[i], &["c1"], "check")),
                    expr: Expr::new("(c1 IS NOT NULL)"),
                    no_inherit: false,
                    valid: true,
                });
            }
            if spec.comment {
                t.comment = Some(format!("table {i}"));
            }
            built.push(t);
        }
        let mut s = schema(built);
        s.add_enum(enum_type("mood", values));
        s
    }

    #[test]
    fn random_pairs_round_trip_in_memory() {
        let config = Config {
            cases: 300,
            failure_persistence: None,
            max_shrink_iters: 200,
            ..Config::default()
        };
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
        let mut runner = TestRunner::new_with_rng(config, rng);
        runner
            .run(&(schema_strategy(), schema_strategy()), |(a, b)| {
                let (same, _) = diff(&a, &a).expect("diff");
                assert!(same.is_empty(), "diff(x, x) is empty: {same:#?}");
                round_trip(&a, &b);
                Ok(())
            })
            .unwrap();
    }
}

fn view(name: &str, def: &str, columns: &[(&str, &str)], deps: Vec<Dependency>) -> View {
    View {
        name: qn(name),
        materialized: false,
        definition: def.to_owned(),
        columns: columns
            .iter()
            .map(|(n, ty)| ViewColumn {
                name: Ident::new(*n),
                ty: (*ty).to_owned(),
            })
            .collect(),
        options: Default::default(),
        indexes: Vec::new(),
        comment: None,
        depends_on: deps,
        renamed_from: None,
    }
}

#[test]
fn a_view_gaining_columns_is_replaced_in_place_and_its_dependents_rebuilt_only_once_reversed() {
    let mut a = schema(vec![table(
        "t",
        vec![col("id", ColumnType::Integer), col("x", ColumnType::Text)],
    )]);
    let id = Dependency::Column(qn("t"), Ident::new("id"));
    let x = Dependency::Column(qn("t"), Ident::new("x"));
    a.add_view(view(
        "v",
        "SELECT t.id FROM t",
        &[("id", "integer")],
        vec![id.clone()],
    ));
    a.add_view(view(
        "w",
        "SELECT v.id FROM v",
        &[("id", "integer")],
        vec![Dependency::View(qn("v"))],
    ));
    let mut b = a.clone();
    b.add_view(view(
        "v",
        "SELECT t.id, t.x FROM t",
        &[("id", "integer"), ("x", "text")],
        vec![id, x],
    ));
    check(
        &a,
        &b,
        expect![[r#"
            DropView public.w (rebuilt, once reversed: public.w depends on public.v)
            AlterView public.v
            CreateView public.w (rebuilt, once reversed: public.w depends on public.v)
        "#]],
    );
}

#[test]
fn a_column_type_change_rebuilds_the_views_and_triggers_on_the_column_only() {
    let t = table(
        "t",
        vec![col("id", ColumnType::Integer), col("x", ColumnType::Text)],
    );
    let mut a = schema(vec![t.clone()]);
    let x = Dependency::Column(qn("t"), Ident::new("x"));
    let id = Dependency::Column(qn("t"), Ident::new("id"));
    a.add_view(view(
        "on_x",
        "SELECT t.x FROM t",
        &[("x", "text")],
        vec![x.clone()],
    ));
    a.add_view(view(
        "on_id",
        "SELECT t.id FROM t",
        &[("id", "integer")],
        vec![id],
    ));
    let f = FunctionId::new(qn("f"), "");
    a.add_trigger(Trigger {
        id: TriggerId {
            table: qn("t"),
            name: Ident::new("t_x"),
        },
        definition: "CREATE TRIGGER t_x BEFORE UPDATE OF x ON public.t FOR EACH ROW EXECUTE FUNCTION public.f()".into(),
        constraint: false,
        function: f,
        enabled: TriggerEnabled::Origin,
        comment: None,
        depends_on: vec![x],
        renamed_from: None,
    });
    let mut b = a.clone();
    let mut t2 = t;
    t2.columns[1].ty = ColumnType::Varchar { length: Some(10) };
    b.add_table(t2);
    check(
        &a,
        &b,
        expect![[r#"
            DropView public.on_x (rebuilt: public.on_x depends on public.t.x)
            DropTrigger t_x on public.t (rebuilt: trigger public.t.t_x depends on public.t.x)
            AlterColumnType public.t.x text -> character varying(10) using Some(Expr("x::character varying(10)")) [rewrites-table public.t] [may-fail-on-existing-rows public.t.x]
            CreateView public.on_x (rebuilt: public.on_x depends on public.t.x)
            CreateTrigger t_x on public.t (rebuilt: trigger public.t.t_x depends on public.t.x)
        "#]],
    );
}
