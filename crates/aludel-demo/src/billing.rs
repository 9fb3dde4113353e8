//! Billing, in schema `billing`: `plans`, `subscriptions`, `usage_records`.
//!
//! Features shown here: `schema`, a field-level `primary_key` with `identity = "always"` on an
//! `i32`, a generated stored column, `precision`/`scale`, an enum of another schema, a default
//! from the standalone sequence the schema declares, foreign keys across schemas, a partial
//! unique index (one open subscription per account), a unique index with
//! `nulls_not_distinct`, and `time` crate types next to `chrono` ones (the metering service
//! that writes usage records uses `time`).

use aludel::Model;
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::SubscriptionState;

/// What an account can buy.
#[derive(Debug, Model)]
#[aludel(schema = "billing", table = "plans")]
pub struct Plan {
    #[aludel(primary_key, identity = "always")]
    pub id: i32,
    /// Stable code used by the billing provider, such as `pro-2024`.
    #[aludel(max_length = 50, unique)]
    pub code: String,
    pub name: String,
    #[aludel(precision = 10, scale = 2, check = "monthly_price >= 0")]
    pub monthly_price: Decimal,
    /// Twelve months for the price of ten.
    #[aludel(precision = 10, scale = 2, generated = "monthly_price * 10")]
    pub yearly_price: Option<Decimal>,
    /// How many agents an account on this plan may have.
    #[aludel(check = "max_agents > 0")]
    pub max_agents: i16,
    #[aludel(default = "true")]
    pub is_public: bool,
}

/// An account's subscription to a plan, for a period.
#[derive(Debug, Model)]
#[aludel(
    schema = "billing",
    table = "subscriptions",
    index(
        columns(account_id),
        unique,
        where = "ends_on IS NULL",
        name = "subscriptions_one_open_per_account"
    ),
    check(
        name = "subscriptions_period",
        expr = "ends_on IS NULL OR ends_on > starts_on"
    )
)]
pub struct Subscription {
    #[aludel(primary_key, default = "gen_random_uuid()")]
    pub id: Uuid,
    /// Shown on invoices.
    #[aludel(
        unique,
        default = "nextval('billing.subscription_number_seq'::regclass)"
    )]
    pub number: i64,
    #[aludel(references = "public.accounts(id)", on_delete = "cascade")]
    pub account_id: Uuid,
    #[aludel(references = "plans(id)", on_delete = "restrict")]
    pub plan_id: i32,
    #[aludel(default = "'trialing'")]
    pub state: SubscriptionState,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    #[aludel(default = "now()")]
    pub created_at: DateTime<Utc>,
}

/// Metered usage per subscription, metric, day and agent (NULL: not attributable to an agent).
#[derive(Debug, Model)]
#[aludel(
    schema = "billing",
    table = "usage_records",
    index(
        columns(subscription_id, metric, period_start, agent_id),
        unique,
        nulls_not_distinct,
        name = "usage_records_bucket_key"
    )
)]
pub struct UsageRecord {
    #[aludel(primary_key, identity = "always")]
    pub id: i64,
    #[aludel(references = "subscriptions(id)", on_delete = "cascade")]
    pub subscription_id: Uuid,
    #[aludel(references = "public.agents(id)", on_delete = "set null", index)]
    pub agent_id: Option<Uuid>,
    /// Such as `tokens`, `executions`, `storage_gb`.
    #[aludel(max_length = 64)]
    pub metric: String,
    pub period_start: time::Date,
    #[aludel(
        default = "0",
        check(name = "usage_records_quantity_nonnegative", expr = "quantity >= 0")
    )]
    pub quantity: i64,
    #[aludel(default = "now()")]
    pub recorded_at: time::OffsetDateTime,
}
