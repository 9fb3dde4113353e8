//! `autogen`, `check` and `verify`: the models and the migration history, each materialised in a
//! throwaway database and read back by the same introspection, compared by the diff engine.
//!
//! ```text
//! external SQL ──► base DB ──introspect──► baseline (subtracted from both sides)
//!   base ─template─► history DB ──runner upgrade head──► introspect ──► current
//!   base ─template─► models DB  ──render(diff(base, base ∪ models))──► introspect + hints ──► desired
//! diff(current, desired) ──► parts (transactional / not) ──► files, proven on the history DB
//! ```

mod autogen;
mod cache;
mod check;
mod config;
mod databases;
mod drift;
mod error;
mod files;
mod project;
mod prove;
mod sides;
mod throwaway;
mod verify;

pub use autogen::{AutogenOptions, Outcome, Timings, autogen, autogen_timed};
pub use check::{CheckOptions, CheckReport, DatabaseReport, check};
pub use config::{
    AutogenConfig, CONFIG_FILE, Config, ConfigError, ExternalConfig, MigrationsConfig,
};
pub use databases::{DatabaseDiff, DiffOptions, diff_databases, diff_schemas};
pub use drift::Drift;
pub use error::Error;
pub use project::{Environment, Models, Project};
pub use verify::{VerifyReport, verify};
