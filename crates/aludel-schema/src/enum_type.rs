//! Enum types with their ordered values.

use serde::{Deserialize, Serialize};

use crate::QualifiedName;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumType {
    pub name: QualifiedName,
    /// Values in their sort order (`pg_enum.enumsortorder`).
    pub values: Vec<EnumValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<QualifiedName>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EnumValue {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
}

impl EnumValue {
    pub fn new(name: impl Into<String>) -> Self {
        EnumValue {
            name: name.into(),
            renamed_from: None,
        }
    }
}
