//! Shared by the repository-level tests and `cargo xtask fuzz-diff`: the live round trip of a
//! schema pair (`live`), judged by introspection and by `pg_dump` (`dump`), online forms
//! (`online`), rename hints for golden cases (`hints`), random schema pairs (`random`) and the
//! SQL written straight from them (`ddl`), the live diff property with shrinking (`property`)
//! and golden case directories (`golden`).

pub mod ddl;
pub mod dump;
pub mod golden;
pub mod hints;
pub mod live;
pub mod online;
pub mod property;
pub mod random;
