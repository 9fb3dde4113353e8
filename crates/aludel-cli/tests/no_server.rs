//! autogen with neither PostgreSQL server binaries nor a dev URL: one clear error with a hint,
//! exit 2, nothing written. The test runs itself again as a child process whose environment
//! points `ALUDEL_PG_BIN` at nothing, and checks that the child ran exactly this one test.

use aludel::Model;

#[allow(dead_code)]
#[derive(Model)]
#[aludel(table = "notes")]
struct Note {
    #[aludel(primary_key)]
    id: i64,
    body: String,
}

const CHILD: &str = "ALUDEL_NO_SERVER_CHILD";

#[test]
fn no_binaries_and_no_url_is_a_clear_error() {
    if std::env::var_os(CHILD).is_some() {
        return in_the_child();
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "no_binaries_and_no_url_is_a_clear_error",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .env("ALUDEL_PG_BIN", "/nonexistent/aludel-test")
        .env_remove("ALUDEL_DEV_URL")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let shown = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{shown}");
    // a filter that matched nothing would pass too: the child must have run exactly this test
    assert!(
        stdout.contains("running 1 test\n")
            && stdout.contains("test no_binaries_and_no_url_is_a_clear_error ... ok")
            && stdout.contains("test result: ok. 1 passed;"),
        "the child did not run exactly one test:\n{shown}"
    );
}

fn in_the_child() {
    let dir = tempfile::tempdir().unwrap();
    let migrations = dir.path().join("migrations");
    let models = aludel::Schema::builder().model::<Note>().build().unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = ["xtask", "autogen", "-m", "notes", "--no-cache", "--dir"];
    let args = args
        .iter()
        .map(|a| a.to_string())
        .chain([migrations.display().to_string()]);
    let code = aludel_cli::run_code_with_models(&models, args, &mut out, &mut err);
    let err = String::from_utf8(err).unwrap();
    assert_eq!(code, 2, "{err}");
    expect_test::expect![[r#"
        error: no throwaway PostgreSQL server: no PostgreSQL server binaries (initdb, pg_ctl) found
        hint: install the PostgreSQL server binaries (Debian/Ubuntu: `apt-get install postgresql`) or pass `--dev-url` / set `ALUDEL_DEV_URL` to a server where aludel may create and drop databases
    "#]]
    .assert_eq(&err);
    assert!(out.is_empty());
    assert!(!migrations.exists(), "nothing written");
}
