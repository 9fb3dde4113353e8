//! The diff property on a live server: 200 random schema pairs on a fixed seed (so CI never
//! fails on a case nobody has seen), on two workers; `cargo xtask fuzz-diff --cases N` runs random seeds.

use aludel_tests::property;

/// The fixed seed of the default run.
const SEED: u64 = 20261121;

#[test]
fn random_schema_pairs_round_trip_live() {
    let server = aludel_pg::testing::server();
    match property::run(&server, 200, SEED, 256, true, 2) {
        Ok(o) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{} live cases in {:.1?}", o.cases, o.elapsed);
            }
        }
        Err(f) => panic!("{f}"),
    }
}
