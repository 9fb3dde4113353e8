//! Compile-error UI tests: one case per message of the derives and the type mapping
//! (`tests/ui/<category>_<case>.rs` with its `.stderr`; regenerate with `TRYBUILD=overwrite`).
//! The `type_*` cases need a build without the optional type features, whose impls change
//! rustc's lists of "other types that implement the trait"; a workspace build turns them on
//! (for the demo models), so `cargo xtask test` runs this target a second time on its own,
//! with `ALUDEL_UI_TYPE_CASES=1`, which insists on that build. Every other case runs whatever
//! the features.

const TYPE_FEATURES: bool = cfg!(any(
    feature = "uuid",
    feature = "chrono",
    feature = "time",
    feature = "rust_decimal",
    feature = "json"
));

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for category in ["attr", "conflict", "key", "name", "shape"] {
        t.compile_fail(format!("tests/ui/{category}_*.rs"));
    }
    let wanted = std::env::var_os("ALUDEL_UI_TYPE_CASES").is_some();
    assert!(
        !(wanted && TYPE_FEATURES),
        "ALUDEL_UI_TYPE_CASES is set but aludel is built with a type feature: \
         run `cargo test -p aludel --test ui` on its own"
    );
    if !TYPE_FEATURES {
        t.compile_fail("tests/ui/type_*.rs");
    }
}
