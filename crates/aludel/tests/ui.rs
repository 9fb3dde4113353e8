//! Compile-error UI tests: one case per message of the derives and the type mapping
//! (`tests/ui/<category>_<case>.rs` with its `.stderr`; regenerate with `TRYBUILD=overwrite`).
//! The `type_*` cases run only without the optional type features, whose impls change rustc's
//! lists of "other types that implement the trait"; every other case runs whatever the
//! features (a workspace build turns them on, for the demo models).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for category in ["attr", "conflict", "key", "name", "shape"] {
        t.compile_fail(format!("tests/ui/{category}_*.rs"));
    }
    if !cfg!(any(
        feature = "uuid",
        feature = "chrono",
        feature = "time",
        feature = "rust_decimal",
        feature = "json"
    )) {
        t.compile_fail("tests/ui/type_*.rs");
    }
}
