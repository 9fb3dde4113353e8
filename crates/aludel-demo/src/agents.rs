//! Agents and what they run: `agents`, `agent_versions`, `workflows`, `executions`.
//!
//! Features shown here: an enum column with an enum default, JSONB with a default and a GIN
//! index with an operator class, a text array, `collation`, `f32`/`f64`/`i16`/`i32`/`i64`,
//! `bool`, `identity = "always"` and `"by default"`, a composite primary key, a composite
//! foreign key with `on_update`/`on_delete` and a name, the `workflows.parent_id`
//! self-reference, `unique(..., nulls_not_distinct)`, partial indexes, a unique expression
//! index, per-key `desc`/`opclass`, field-level `index(desc, nulls_last)`,
//! `precision` on a timestamp, `precision`/`scale` on a decimal, struct-level checks with and
//! without a name, an explicit column `name` and an explicit `comment`, and `trigger(...)` (the
//! `updated_at` triggers of `agents` and `workflows`, whose function is in
//! `sql/set_updated_at.sql`).

use aludel::Model;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::{ConnectionType, ExecutionStatus};

/// An AI agent an account configures: a model, its instructions and a data connection.
#[derive(Debug, Model)]
#[aludel(
    table = "agents",
    index(
        columns(account_id),
        expr = "lower(name)",
        unique,
        name = "agents_account_lower_name_key"
    ),
    index(
        columns(name(opclass = "text_pattern_ops")),
        name = "agents_name_prefix_idx"
    ),
    check(
        name = "agents_temperature_range",
        expr = "temperature >= 0 AND temperature <= 2"
    ),
    // `agents_set_updated_at`, running the function of `sql/set_updated_at.sql`
    trigger(function = "public.set_updated_at", before = "update")
)]
pub struct Agent {
    #[aludel(primary_key, default = "gen_random_uuid()")]
    pub id: Uuid,
    // the dashboard lists an account's active agents
    #[aludel(
        references = "accounts(id)",
        on_delete = "cascade",
        index(where = "is_active", name = "agents_active_idx")
    )]
    pub account_id: Uuid,
    #[aludel(max_length = 255)]
    pub name: String,
    /// Stable identifier in URLs, compared byte-wise.
    #[aludel(collation = "C", max_length = 100)]
    pub slug: String,
    pub description: Option<String>,
    /// The model the agent calls, such as `gpt-4o`.
    #[aludel(max_length = 100)]
    pub model_type: Option<String>,
    pub system_instructions: Option<String>,
    #[aludel(default = "'DB'")]
    pub connection_type: ConnectionType,
    /// Connection settings for `connection_type`; secrets live in the vault, not here.
    #[aludel(
        default = "'{}'::jsonb",
        index(method = "gin", opclass = "jsonb_path_ops", name = "agents_config_idx")
    )]
    pub connection_config: serde_json::Value,
    /// Sampling temperature.
    #[aludel(default = "0.7")]
    pub temperature: f32,
    #[aludel(default = "'{}'::text[]", index(method = "gin"))]
    pub tags: Vec<String>,
    #[aludel(default = "true")]
    pub is_active: bool,
    #[aludel(references = "users(id)", on_delete = "set null", index)]
    pub created_by: Option<Uuid>,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
    /// Set by the `agents_set_updated_at` trigger (`sql/set_updated_at.sql`).
    pub updated_at: Option<DateTime<Utc>>,
}

/// An immutable snapshot of an agent's prompt; executions record the version they ran.
#[derive(Debug, Model)]
#[aludel(table = "agent_versions", primary_key(agent_id, version))]
pub struct AgentVersion {
    #[aludel(references = "agents(id)", on_delete = "cascade")]
    pub agent_id: Uuid,
    /// 1, 2, 3, ... per agent.
    #[aludel(check = "version > 0")]
    pub version: i32,
    pub prompt: String,
    /// Model parameters at the time (temperature, max tokens, ...).
    pub parameters: Option<serde_json::Value>,
    #[aludel(references = "users(id)", on_delete = "set null")]
    pub created_by: Option<Uuid>,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
}

/// A workflow: a graph of steps an agent runs. Sub-workflows point to their parent.
#[derive(Debug, Model)]
#[aludel(
    table = "workflows",
    // sibling names are unique, top-level ones (parent NULL) included
    unique(agent_id, parent_id, name, nulls_not_distinct),
    trigger(function = "public.set_updated_at", before = "update")
)]
pub struct Workflow {
    #[aludel(primary_key, identity = "by default")]
    pub id: i64,
    #[aludel(references = "agents(id)", on_delete = "cascade")]
    pub agent_id: Uuid,
    /// The enclosing workflow: a self-reference.
    #[aludel(references = "workflows(id)", on_delete = "cascade", index)]
    pub parent_id: Option<i64>,
    #[aludel(max_length = 200)]
    pub name: String,
    /// The steps, as the editor saves them.
    pub definition: serde_json::Value,
    /// Run order among siblings.
    #[aludel(default = "0")]
    pub position: i16,
    /// Set by the `workflows_set_updated_at` trigger (`sql/set_updated_at.sql`).
    pub updated_at: Option<DateTime<Utc>>,
}

/// One run of a workflow by one version of an agent.
#[derive(Debug, Model)]
#[aludel(
    table = "executions",
    comment = "one run of a workflow; kept 90 days",
    foreign_key(
        columns(agent_id, agent_version),
        references = "agent_versions(agent_id, version)",
        on_update = "cascade",
        on_delete = "restrict",
        name = "executions_agent_version_fkey"
    ),
    index(
        columns(workflow_id, started_at(desc)),
        where = "status = 'running'",
        name = "executions_running_idx"
    ),
    check(expr = "finished_at IS NULL OR finished_at >= started_at")
)]
pub struct Execution {
    #[aludel(primary_key, identity = "always")]
    pub id: i64,
    #[aludel(references = "workflows(id)", on_delete = "cascade")]
    pub workflow_id: i64,
    pub agent_id: Uuid,
    pub agent_version: i32,
    #[aludel(default = "'pending'")]
    pub status: ExecutionStatus,
    /// Millisecond precision is what the scheduler reports.
    #[aludel(precision = 3, default = "now()")]
    pub started_at: DateTime<Utc>,
    /// NULL while running.
    // newest first, running ones last
    #[aludel(precision = 3, index(desc, nulls_last))]
    pub finished_at: Option<DateTime<Utc>>,
    /// What the model provider charged, in US dollars.
    #[aludel(precision = 12, scale = 6)]
    pub cost_usd: Option<Decimal>,
    #[aludel(
        default = "0",
        check(name = "executions_tokens_nonnegative", expr = "tokens >= 0")
    )]
    pub tokens: i64,
    /// Evaluation score between 0 and 1, when graded.
    #[aludel(check = "score BETWEEN 0 AND 1")]
    pub score: Option<f64>,
    #[aludel(name = "error", comment = "the failure message, for failed runs")]
    pub error_message: Option<String>,
}
