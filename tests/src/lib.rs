//! Shared by the repository-level tests and `cargo xtask fuzz-diff`: the live round trip of a
//! schema pair (`live`), rename hints for golden cases (`hints`), random schema pairs
//! (`random`), the live diff property with shrinking (`property`) and golden case directories
//! (`golden`).

pub mod golden;
pub mod hints;
pub mod live;
pub mod property;
pub mod random;
