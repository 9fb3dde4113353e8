//! Applying migrations to a database: the version table, the session advisory lock,
//! transactions and dirty state.
//!
//! ```text
//! AppliedState (version table) ─┐
//! MigrationSet (migrations/) ───┼─ plan() ──► Plan ──► execute() on a locked Session (IO, events)
//! Target ───────────────────────┘                 └──► render_sql() (`--sql`, no database)
//! ```
//!
//! [`plan`] is pure; [`run`] does a whole run in the required order: lock, read, plan, confirm,
//! execute, unlock. [`embed_migrations!`] compiles a `migrations/` directory into a binary for
//! the same runner.

mod applied;
mod embed;
mod error;
mod execute;
mod plan;
mod pooler;
mod script;
mod table;

pub use applied::{AppliedRow, AppliedState, Failure, Status};
pub use embed::EmbeddedMigrations;
pub use error::{Error, PlanError};
pub use execute::{Event, Finished, Options, Report, Session, execute, read_applied, run, run_url};
pub use plan::{
    DowngradeTarget, MigrationStep, Plan, RepairOutcome, StampRow, Step, Target, UpgradeTarget,
    plan,
};
pub use script::render_sql;
pub use table::{Direction, InvalidVersionTable, VersionTable};
