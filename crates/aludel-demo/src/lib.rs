//! The demo models: the agent platform of DESIGN.md section 9 (accounts, users, agents and their
//! versions, workflows, executions, audit logs, API keys, and in schema `billing` plans,
//! subscriptions and usage records), declared with aludel's derives, and the SQL objects next
//! to them in `src/sql/` (declared with `.sql(...)`): the `updated_at` trigger function (its
//! triggers on `agents` and `workflows` are attributes of those models), the `active_agents`
//! view and the `billing.daily_usage` materialized view.
//!
//! This crate is the repository's main job: `cargo xtask autogen` generates `migrations/` from
//! [`schema()`]. Between them the models use every attribute of the derives at least once (each
//! module's doc says which), so a change in the derive or in autogen shows
//! up here first.
//!
//! Two things are deliberate and worth knowing when reading the models:
//!
//! - foreign keys form a self-reference (`users.invited_by`, `workflows.parent_id`) and a
//!   two-table cycle (`users.account_id` → `accounts`, `accounts.billing_contact_id` → `users`),
//!   which autogen resolves by creating the tables first and adding the keys afterwards;
//! - `auth.users` belongs to the authentication provider (Supabase's `auth` schema): the models
//!   reference it, [`schema()`] declares it external, and migrations never create or drop it.

mod accounts;
mod agents;
mod audit;
mod billing;
mod enums;

pub use accounts::{Account, Email, User};
pub use agents::{Agent, AgentVersion, Execution, Workflow};
pub use audit::{ApiKey, AuditLog};
pub use billing::{Plan, Subscription, UsageRecord};
pub use enums::{ApiScope, ConnectionType, ExecutionStatus, SubscriptionState};

use aludel::ir::{ColumnType, QualifiedName, Sequence};

/// The standalone sequence behind `billing.subscriptions.number` (human-readable subscription
/// numbers, starting at 1000).
pub fn subscription_number_seq() -> Sequence {
    let mut seq = Sequence::new(
        QualifiedName::new("billing", "subscription_number_seq"),
        ColumnType::BigInt,
    );
    seq.options.start = Some(1000);
    seq.comment = Some("human-readable subscription numbers".to_owned());
    seq
}

/// Every model of the platform, its extension, its sequence, the external table it refers to
/// and its SQL objects.
///
/// Panics if the declarations are inconsistent (a test builds it, so that never ships).
pub fn schema() -> aludel::Schema {
    aludel::Schema::builder()
        // case-insensitive e-mail addresses (`users.email`)
        .extension("citext")
        .sequence(subscription_number_seq())
        // Supabase's users, owned by the auth service
        .external_table("auth.users(id)")
        .model::<Account>()
        .model::<User>()
        .model::<Agent>()
        .model::<AgentVersion>()
        .model::<Workflow>()
        .model::<Execution>()
        .model::<AuditLog>()
        .model::<ApiKey>()
        .model::<Plan>()
        .model::<Subscription>()
        .model::<UsageRecord>()
        .sql(
            "sql/set_updated_at.sql",
            include_str!("sql/set_updated_at.sql"),
        )
        .sql(
            "sql/active_agents.sql",
            include_str!("sql/active_agents.sql"),
        )
        .sql("sql/daily_usage.sql", include_str!("sql/daily_usage.sql"))
        .build()
        .unwrap_or_else(|e| panic!("the demo models are inconsistent: {e}"))
}
