//! Security records: `audit_logs` and `api_keys`.
//!
//! Features shown here: `renamed_from` on a table, an explicit primary-key name, `sql_type`
//! overrides (`inet`, `character(8)`), `bytea` from `Vec<u8>`, an array of an enum, an index
//! with `include`, a per-key `collation`, a field-level `index(nulls_first)`, a unique partial
//! index, an unnamed struct-level check.

use aludel::Model;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::ApiScope;

/// Who did what, when: append-only.
#[derive(Debug, Model)]
#[aludel(
    table = "audit_logs",
    renamed_from = "audit_events",
    index(
        columns(account_id, created_at(desc)),
        include(kind),
        name = "audit_logs_account_created_idx"
    ),
    // `action LIKE 'agent.%'`: with the C collation a btree serves prefix matches
    index(
        columns(kind(collation = "C")),
        name = "audit_logs_action_prefix_idx"
    )
)]
pub struct AuditLog {
    #[aludel(primary_key, identity = "always")]
    pub id: i64,
    #[aludel(references = "accounts(id)", on_delete = "cascade")]
    pub account_id: Uuid,
    /// The user who acted; NULL for the system or a deleted user.
    #[aludel(references = "users(id)", on_delete = "set null", index)]
    pub actor_id: Option<Uuid>,
    /// A dotted verb such as `agent.created`.
    #[aludel(name = "action", max_length = 100)]
    pub kind: String,
    pub payload: Option<serde_json::Value>,
    /// The client's address, when the action came through the API.
    #[aludel(sql_type = "inet")]
    pub ip_address: Option<String>,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
}

/// A key for the public API. Only a hash is stored; the prefix identifies the key in lists.
#[derive(Debug, Model)]
#[aludel(
    table = "api_keys",
    index(
        columns(prefix),
        unique,
        where = "revoked_at IS NULL",
        name = "api_keys_prefix_active_idx"
    ),
    check(expr = "expires_at IS NULL OR expires_at > created_at")
)]
pub struct ApiKey {
    /// The name comes from the first schema, written by hand before autogen existed.
    #[aludel(primary_key(name = "api_keys_pk"), default = "gen_random_uuid()")]
    pub id: Uuid,
    #[aludel(references = "accounts(id)", on_delete = "cascade", index)]
    pub account_id: Uuid,
    #[aludel(max_length = 100)]
    pub name: String,
    /// SHA-256 of the secret.
    #[aludel(check(name = "api_keys_hash_length", expr = "octet_length(key_hash) = 32"))]
    pub key_hash: Vec<u8>,
    /// The first eight characters of the key, shown in lists.
    #[aludel(sql_type = "character(8)")]
    pub prefix: String,
    #[aludel(default = "'{}'")]
    pub scopes: Vec<ApiScope>,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
    /// NULL for a key never used.
    // never-used keys first in the stale-keys report
    #[aludel(index(nulls_first))]
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}
