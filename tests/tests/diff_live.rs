//! The diff property on a live server: 200 random schema pairs on a fixed seed (so CI never
//! fails on a case nobody has seen), on two workers; `ALUDEL_PROPERTY_CASES=N` runs fewer (or
//! more) while developing; `cargo xtask fuzz-diff --cases N` runs random seeds.

use aludel_tests::property;

/// The fixed seed of the default run.
const SEED: u64 = 20261121;

/// The number of pairs of the default run.
const CASES: u32 = 200;

/// The environment variable that overrides [`CASES`].
const CASES_VAR: &str = "ALUDEL_PROPERTY_CASES";

fn cases() -> u32 {
    match std::env::var(CASES_VAR) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{CASES_VAR} must be a number of cases, not `{v}`")),
        Err(_) => CASES,
    }
}

#[test]
fn random_schema_pairs_round_trip_live() {
    let server = aludel_pg::testing::server();
    let cases = cases();
    match property::run(&server, cases, SEED, 256, true, 2) {
        Ok(o) => {
            assert_eq!(o.cases, cases, "every requested pair must have run");
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{} live cases in {:.1?}", o.cases, o.elapsed);
            }
        }
        Err(f) => panic!("{f}"),
    }
}
