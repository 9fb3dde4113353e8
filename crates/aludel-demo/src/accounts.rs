//! Tenants and their people: `accounts` and `users`.
//!
//! The two tables reference each other (a user belongs to an account, an account names one
//! user as billing contact): the foreign-key cycle autogen must break. `users.invited_by` is a
//! self-reference, and both tables reference the external `auth.users`.
//!
//! Features shown here: `table`, doc comments as table and column comments, `primary_key`,
//! server `default`, `max_length`, `unique(name)`, `check(expr, name)`, `references` with
//! `on_delete`, `foreign_key(deferrable, initially_deferred)`, `skip`, a struct-level
//! `unique(..., include(...), name)`, an expression index, `renamed_from` on a column, and a
//! newtype mapped through its own `SqlType` impl.

use aludel::ir::ColumnType;
use aludel::{Model, SqlType};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// An e-mail address, compared case-insensitively: the newtype maps to `citext` (from the
/// `citext` extension the schema declares) wherever it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(pub String);

impl SqlType for Email {
    fn column_type() -> ColumnType {
        ColumnType::Other {
            sql: "public.citext".to_owned(),
        }
    }
}

/// A customer organisation: the tenant that owns agents, workflows, keys and subscriptions.
#[derive(Debug, Model)]
#[aludel(table = "accounts")]
pub struct Account {
    #[aludel(primary_key, default = "gen_random_uuid()")]
    pub id: Uuid,
    /// Display name, as the customer typed it.
    #[aludel(max_length = 200)]
    pub name: String,
    /// Used in URLs: lower-case letters, digits and dashes.
    #[aludel(
        max_length = 63,
        unique(name = "accounts_slug_uq"),
        check(name = "accounts_slug_format", expr = "slug ~ '^[a-z0-9-]+$'")
    )]
    pub slug: String,
    /// The person who signed the account up (a row of the auth provider).
    // SET NULL: an account outlives its founder
    #[aludel(references = "auth.users(id)", on_delete = "set null")]
    pub owner_id: Option<Uuid>,
    /// Who receives invoices.
    // Half of the accounts/users cycle, deferred: an account and its first user can be
    // inserted in one transaction in either order.
    #[aludel(foreign_key(
        references = "users(id)",
        on_delete = "set null",
        deferrable,
        initially_deferred
    ))]
    pub billing_contact_id: Option<Uuid>,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
    /// Loaded by the application, not a column.
    #[aludel(skip)]
    pub members: Vec<User>,
}

/// A person working in one account; signs in through the auth provider.
#[derive(Debug, Model)]
#[aludel(
    table = "users",
    unique(account_id, email, name = "users_account_email_key", include(id)),
    index(expr = "lower(display_name)", name = "users_display_name_lower_idx")
)]
pub struct User {
    #[aludel(primary_key, default = "gen_random_uuid()")]
    pub id: Uuid,
    // the other half of the accounts/users cycle
    #[aludel(references = "accounts(id)", on_delete = "cascade", index)]
    pub account_id: Uuid,
    /// The identity in the auth provider; NULL while the invitation is not accepted.
    #[aludel(references = "auth.users(id)", on_delete = "cascade", unique)]
    pub auth_user_id: Option<Uuid>,
    pub email: Email,
    /// Was `full_name` (renamed in the Alembic days).
    #[aludel(renamed_from = "full_name", max_length = 200)]
    pub display_name: Option<String>,
    /// Who invited this user: a self-reference.
    #[aludel(references = "users(id)", on_delete = "set null")]
    pub invited_by: Option<Uuid>,
    /// Profile time zone, an IANA name.
    #[aludel(default = "'UTC'")]
    pub time_zone: String,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
    /// Soft delete: the row stays for the audit log.
    pub deleted_at: Option<DateTime<Utc>>,
}
