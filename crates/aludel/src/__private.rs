//! Helpers the derive macros expand to; not a public API (names and signatures may change).

pub use aludel_schema::{
    Check, ColumnType, Deferrable, EnumType, EnumValue, Expr, FkAction, ForeignKey, Ident,
    IdentityKind, Index, IndexKey, IndexTarget, PrimaryKey, QualifiedName, Table, Unique,
};
pub use aludel_schema::{Column, Identity, Policy, PolicyCommand, PolicyId, SqlSource};
pub use std::option::Option::{None, Some};
pub use std::string::String;
pub use std::vec::Vec;

use crate::{SqlLength, SqlPrecision, SqlScale, SqlType};

/// A column of type `T`, NULL-able when `T` is; adds the enum types `T` needs to `enums`
/// (one bound for both, so an unmapped type is reported once).
pub fn column<T: SqlType + ?Sized>(name: &str, enums: &mut Vec<EnumType>) -> Column {
    T::enum_types(enums);
    let mut c = Column::new(name, T::column_type());
    c.nullable = T::NULLABLE;
    c
}

/// A column whose type comes from `sql_type = "..."`.
pub fn column_sql(name: &str, sql: &str, nullable: bool) -> Column {
    let mut c = Column::new(name, crate::sql_type::parse(sql));
    c.nullable = nullable;
    c
}

/// Compile-time proof that `max_length` applies to `T`.
pub fn assert_length<T: SqlLength + ?Sized>() {}

/// Compile-time proof that `precision` applies to `T`.
pub fn assert_precision<T: SqlPrecision + ?Sized>() {}

/// Compile-time proof that `scale` applies to `T`.
pub fn assert_scale<T: SqlScale + ?Sized>() {}

/// `character varying(n)` in place of a string type (also inside an array).
pub fn with_max_length(ty: ColumnType, n: u32) -> ColumnType {
    match ty {
        ColumnType::Array { element } => ColumnType::Array {
            element: Box::new(with_max_length(*element, n)),
        },
        ColumnType::Char { .. } => ColumnType::Char { length: Some(n) },
        _ => ColumnType::Varchar { length: Some(n) },
    }
}

/// `numeric(p, s)`, `time(p)`, `timestamp(p)` in place of the unparameterised type.
pub fn with_precision(ty: ColumnType, p: u16, s: Option<i16>) -> ColumnType {
    match ty {
        ColumnType::Array { element } => ColumnType::Array {
            element: Box::new(with_precision(*element, p, s)),
        },
        ColumnType::Time { with_time_zone, .. } => ColumnType::Time {
            precision: Some(p as u8),
            with_time_zone,
        },
        ColumnType::Timestamp { with_time_zone, .. } => ColumnType::Timestamp {
            precision: Some(p as u8),
            with_time_zone,
        },
        _ => ColumnType::Numeric {
            precision: Some(p),
            scale: Some(s.unwrap_or(0)),
        },
    }
}

pub fn identity(kind: IdentityKind) -> Identity {
    Identity {
        kind,
        sequence_name: None,
        options: Default::default(),
    }
}

pub fn qname(schema: &str, name: &str) -> QualifiedName {
    QualifiedName::new(schema, name)
}

pub fn idents(names: &[&str]) -> Vec<Ident> {
    names.iter().map(|n| Ident::new(*n)).collect()
}

pub fn expr(sql: &str) -> Expr {
    Expr::new(sql)
}

pub fn primary_key(name: &str, columns: &[&str]) -> PrimaryKey {
    PrimaryKey {
        name: Ident::new(name),
        columns: idents(columns),
        include: Vec::new(),
        deferrable: Deferrable::NotDeferrable,
    }
}

pub fn unique(name: &str, columns: &[&str], nulls_not_distinct: bool, include: &[&str]) -> Unique {
    Unique {
        name: Ident::new(name),
        columns: idents(columns),
        nulls_not_distinct,
        include: idents(include),
        deferrable: Deferrable::NotDeferrable,
    }
}

pub fn check(name: &str, sql: &str) -> Check {
    Check {
        name: Ident::new(name),
        expr: Expr::new(sql),
        no_inherit: false,
        valid: true,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn foreign_key(
    name: &str,
    columns: &[&str],
    ref_table: QualifiedName,
    ref_columns: &[&str],
    on_delete: FkAction,
    on_update: FkAction,
    deferrable: Deferrable,
) -> ForeignKey {
    ForeignKey {
        name: Ident::new(name),
        columns: idents(columns),
        ref_table,
        ref_columns: idents(ref_columns),
        on_delete,
        on_update,
        match_type: Default::default(),
        deferrable,
        valid: true,
    }
}

pub fn set_null(columns: &[&str]) -> FkAction {
    FkAction::SetNull {
        columns: idents(columns),
    }
}

pub fn set_default(columns: &[&str]) -> FkAction {
    FkAction::SetDefault {
        columns: idents(columns),
    }
}

pub fn index(name: &str, method: &str, unique: bool) -> Index {
    Index {
        name: Ident::new(name),
        unique,
        nulls_not_distinct: false,
        method: Ident::new(method),
        keys: Vec::new(),
        include: Vec::new(),
        predicate: None,
        comment: None,
    }
}

/// One index key; `nulls_first` of `None` takes PostgreSQL's default (first when descending).
pub fn index_key(
    target: IndexTarget,
    descending: bool,
    nulls_first: Option<bool>,
    opclass: Option<QualifiedName>,
    collation: Option<QualifiedName>,
) -> IndexKey {
    IndexKey {
        target,
        collation,
        opclass,
        descending,
        nulls_first: nulls_first.unwrap_or(descending),
    }
}

pub fn key_column(name: &str) -> IndexTarget {
    IndexTarget::Column(Ident::new(name))
}

pub fn key_expr(sql: &str) -> IndexTarget {
    IndexTarget::Expression(Expr::new(sql))
}

pub fn enum_value(name: &str, renamed_from: Option<&str>) -> EnumValue {
    EnumValue {
        name: name.to_owned(),
        renamed_from: renamed_from.map(str::to_owned),
    }
}

/// A trigger attribute's SQL, from `origin` (the model's file) at `line`.
pub fn sql_source(origin: &str, line: usize, sql: &str) -> SqlSource {
    SqlSource {
        origin: origin.to_owned(),
        line,
        sql: sql.to_owned(),
    }
}

/// Adds `e` to `out` unless an enum of that name is there already.
pub fn push_enum(out: &mut Vec<EnumType>, e: EnumType) {
    if !out.iter().any(|x| x.name == e.name) {
        out.push(e);
    }
}

/// A policy attribute's IR (roles sorted, as the IR keeps them).
#[allow(clippy::too_many_arguments)]
pub fn policy(
    table: QualifiedName,
    name: &str,
    permissive: bool,
    command: PolicyCommand,
    roles: &[&str],
    using: Option<String>,
    with_check: Option<String>,
    comment: Option<String>,
    renamed_from: Option<String>,
) -> Policy {
    let mut p = Policy {
        id: PolicyId {
            table,
            name: Ident::new(name),
        },
        permissive,
        command,
        roles: roles.iter().map(|r| (*r).to_owned()).collect(),
        using: using.map(Expr::new),
        with_check: with_check.map(Expr::new),
        comment,
        depends_on: Vec::new(),
        renamed_from: renamed_from.map(Ident::new),
    };
    p.normalize();
    p
}
