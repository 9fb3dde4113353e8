//! Compile-error UI tests: one case per message of the derives and the type mapping
//! (`tests/ui/<category>_<case>.rs` with its `.stderr`; regenerate with `TRYBUILD=overwrite`).
//! The snapshots are taken without the optional type features, whose impls would change
//! rustc's lists of "other types that implement the trait"; the test exists only then.

#[cfg(not(any(
    feature = "uuid",
    feature = "chrono",
    feature = "time",
    feature = "rust_decimal",
    feature = "json"
)))]
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
