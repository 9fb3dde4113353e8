//! The platform's enum types. Together they use every `PgEnum` option: `rename_all`, `name`,
//! `schema`, `comment` (and the doc comment), `renamed_from` on the type and on a value.

use aludel::PgEnum;

/// Where an agent gets its data from.
// The labels are upper case because the first version of the platform (an Alembic project)
// created them that way: 'POWERBI', 'DB'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[aludel(rename_all = "UPPERCASE")]
pub enum ConnectionType {
    PowerBi,
    Db,
}

/// The life cycle of one execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[aludel(rename_all = "lowercase", renamed_from = "run_status")]
pub enum ExecutionStatus {
    Pending,
    Running,
    /// Was `'success'` before the type was renamed.
    #[aludel(renamed_from = "success")]
    Succeeded,
    Failed,
    Cancelled,
}

/// What an API key may do; `'*'` is every scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[aludel(
    rename_all = "kebab-case",
    comment = "permissions granted to an API key"
)]
pub enum ApiScope {
    AgentsRead,
    AgentsWrite,
    WorkflowsRun,
    #[aludel(name = "*")]
    All,
}

/// The state of a subscription, kept by the billing provider's webhooks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PgEnum)]
#[aludel(
    schema = "billing",
    name = "subscription_state",
    rename_all = "snake_case"
)]
pub enum SubscriptionState {
    Trialing,
    Active,
    PastDue,
    Cancelled,
}
