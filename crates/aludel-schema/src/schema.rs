//! The root of the IR: `Schema` holds every managed object, keyed by name; plus namespaces,
//! extensions and SQL expressions.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{
    EnumType, Function, FunctionId, Ident, QualifiedName, Sequence, Statistics, Table, Trigger,
    TriggerId, View,
};

/// A SQL expression in PostgreSQL's canonical spelling (`pg_get_expr` and friends).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Expr(pub String);

impl Expr {
    pub fn new(sql: impl Into<String>) -> Self {
        Expr(sql.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A PostgreSQL schema (namespace). Named `Namespace` so it is not confused with [`Schema`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Namespace {
    pub name: Ident,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Rename hint: the schema's previous name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<Ident>,
}

/// An installed extension (`CREATE EXTENSION name WITH SCHEMA schema`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub name: Ident,
    pub schema: Ident,
}

/// Everything aludel manages in one database: the single IR that both the models and
/// introspection produce, and that the diff compares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    #[serde(with = "values::namespaces")]
    pub namespaces: BTreeMap<Ident, Namespace>,
    #[serde(with = "values::extensions")]
    pub extensions: BTreeMap<Ident, Extension>,
    #[serde(with = "values::enums")]
    pub enums: BTreeMap<QualifiedName, EnumType>,
    #[serde(with = "values::sequences")]
    pub sequences: BTreeMap<QualifiedName, Sequence>,
    #[serde(with = "values::tables")]
    pub tables: BTreeMap<QualifiedName, Table>,
    #[serde(default, with = "values::views")]
    pub views: BTreeMap<QualifiedName, View>,
    #[serde(default, with = "values::functions")]
    pub functions: BTreeMap<FunctionId, Function>,
    #[serde(default, with = "values::triggers")]
    pub triggers: BTreeMap<TriggerId, Trigger>,
    /// Extended statistics objects.
    #[serde(default, with = "values::statistics")]
    pub statistics: BTreeMap<QualifiedName, Statistics>,
    /// Row-level security policies, on the schema's tables or on tables it does not own.
    #[serde(default, with = "values::policies")]
    pub policies: BTreeMap<crate::PolicyId, crate::Policy>,
    /// SQL objects as declared (views, functions, triggers as SQL text), before PostgreSQL has
    /// normalised them: only the models' side has these, and only until they are created in a
    /// throwaway database and read back into the maps above. The diff never looks at them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declared_sql: Vec<SqlSource>,
}

/// SQL text declared for the models (`include_str!("sql/set_updated_at.sql")`, or the SQL a
/// model's `#[aludel(trigger(...))]` stands for), with where it came from for errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SqlSource {
    /// The file that declared it, as errors name it (`sql/set_updated_at.sql`, or the Rust
    /// file of a model with a trigger attribute).
    pub origin: String,
    /// The line of `origin` on which `sql` begins: 1 for a file of its own, the attribute's
    /// line for a model's trigger; errors count lines from here.
    #[serde(default = "first_line", skip_serializing_if = "is_first_line")]
    pub line: usize,
    pub sql: String,
}

impl SqlSource {
    /// A whole file's text: it begins on line 1.
    pub fn new(origin: impl Into<String>, sql: impl Into<String>) -> Self {
        SqlSource {
            origin: origin.into(),
            line: 1,
            sql: sql.into(),
        }
    }
}

fn first_line() -> usize {
    1
}

fn is_first_line(line: &usize) -> bool {
    *line == 1
}

impl Schema {
    pub fn new() -> Self {
        Schema::default()
    }

    pub fn add_namespace(&mut self, ns: Namespace) {
        self.namespaces.insert(ns.name.clone(), ns);
    }

    pub fn add_extension(&mut self, ext: Extension) {
        self.extensions.insert(ext.name.clone(), ext);
    }

    pub fn add_enum(&mut self, e: EnumType) {
        self.enums.insert(e.name.clone(), e);
    }

    pub fn add_sequence(&mut self, s: Sequence) {
        self.sequences.insert(s.name.clone(), s);
    }

    pub fn add_view(&mut self, mut v: View) {
        v.normalize();
        self.views.insert(v.name.clone(), v);
    }

    pub fn add_function(&mut self, mut f: Function) {
        f.normalize();
        self.functions.insert(f.id.clone(), f);
    }

    pub fn add_policy(&mut self, mut p: crate::Policy) {
        p.normalize();
        self.policies.insert(p.id.clone(), p);
    }

    pub fn add_trigger(&mut self, mut t: Trigger) {
        t.normalize();
        self.triggers.insert(t.id.clone(), t);
    }

    pub fn add_table(&mut self, mut t: Table) {
        t.normalize();
        self.tables.insert(t.name.clone(), t);
    }

    /// Puts every list into its canonical order (see [`Table::normalize`]).
    pub fn normalize(&mut self) {
        for t in self.tables.values_mut() {
            t.normalize();
        }
        for v in self.views.values_mut() {
            v.normalize();
        }
        for f in self.functions.values_mut() {
            f.normalize();
        }
        for t in self.triggers.values_mut() {
            t.normalize();
        }
        for p in self.policies.values_mut() {
            p.normalize();
        }
    }

    /// Removes every `renamed_from` hint (namespaces, enum types and values, sequences, tables,
    /// columns): what is left is the state itself.
    pub fn strip_hints(&mut self) {
        for n in self.namespaces.values_mut() {
            n.renamed_from = None;
        }
        for e in self.enums.values_mut() {
            e.renamed_from = None;
            for v in &mut e.values {
                v.renamed_from = None;
            }
        }
        for q in self.sequences.values_mut() {
            q.renamed_from = None;
        }
        for t in self.tables.values_mut() {
            t.renamed_from = None;
            for c in &mut t.columns {
                c.renamed_from = None;
            }
        }
        for v in self.views.values_mut() {
            v.renamed_from = None;
        }
        for f in self.functions.values_mut() {
            f.renamed_from = None;
        }
        for t in self.triggers.values_mut() {
            t.renamed_from = None;
        }
        for x in self.statistics.values_mut() {
            x.renamed_from = None;
        }
        for p in self.policies.values_mut() {
            p.renamed_from = None;
        }
    }

    /// Whether the schema holds no objects besides (possibly) namespaces.
    pub fn is_empty_of_objects(&self) -> bool {
        self.extensions.is_empty()
            && self.enums.is_empty()
            && self.sequences.is_empty()
            && self.tables.is_empty()
            && self.views.is_empty()
            && self.functions.is_empty()
            && self.triggers.is_empty()
            && self.policies.is_empty()
            && self.statistics.is_empty()
            && self.declared_sql.is_empty()
    }
}

/// Maps keyed by name serialize as plain lists of their values (JSON objects need string keys,
/// and the name is inside each value anyway).
mod values {
    macro_rules! keyed {
        ($module:ident, $key:ty, $value:ty, $field:ident) => {
            pub mod $module {
                use std::collections::BTreeMap;

                use serde::{Deserialize, Deserializer, Serializer};

                pub fn serialize<S: Serializer>(
                    map: &BTreeMap<$key, $value>,
                    s: S,
                ) -> Result<S::Ok, S::Error> {
                    s.collect_seq(map.values())
                }

                pub fn deserialize<'de, D: Deserializer<'de>>(
                    d: D,
                ) -> Result<BTreeMap<$key, $value>, D::Error> {
                    let items = Vec::<$value>::deserialize(d)?;
                    Ok(items.into_iter().map(|v| (v.$field.clone(), v)).collect())
                }
            }
        };
    }
    keyed!(namespaces, crate::Ident, crate::Namespace, name);
    keyed!(extensions, crate::Ident, crate::Extension, name);
    keyed!(enums, crate::QualifiedName, crate::EnumType, name);
    keyed!(sequences, crate::QualifiedName, crate::Sequence, name);
    keyed!(tables, crate::QualifiedName, crate::Table, name);
    keyed!(views, crate::QualifiedName, crate::View, name);
    keyed!(functions, crate::FunctionId, crate::Function, id);
    keyed!(triggers, crate::TriggerId, crate::Trigger, id);
    keyed!(statistics, crate::QualifiedName, crate::Statistics, name);
    keyed!(policies, crate::PolicyId, crate::Policy, id);
}
