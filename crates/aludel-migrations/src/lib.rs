//! The `migrations/` directory format: revision files (parse and write), statement splitting,
//! checksums and the revision graph. Pure: no database, no printing.
//!
//! ```text
//! load_dir("migrations") ──► MigrationSet ──graph()──► heads, topological order, ancestors, ...
//!                               └── MigrationFile ──► Migration (header + sections), statements, checksum
//! ```

mod checksum;
mod error;
mod file;
mod graph;
mod id;
mod section;
mod set;
mod split;

pub use aludel_sql::Hazard;
pub use checksum::Checksum;
pub use error::Error;
pub use file::{HazardLine, Migration, MigrationFile, Section, TransactionMode, parse};
pub use graph::Graph;
pub use id::{InvalidRevisionId, RevisionId, SLUG_MAX_LEN, slug};
pub use set::{MigrationSet, load_dir, write_new};
pub use split::{SplitError, Statement, Unterminated, split};
