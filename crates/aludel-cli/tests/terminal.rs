//! On a terminal (a pseudo-terminal from util-linux `script`): a database that is not local
//! gets the plan and a question, `n` changes nothing, `y` runs with a progress line on stderr.
//! Without a terminal there is neither (the other tests check that stderr stays empty).

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::{BASE, Project};

/// Runs `aludel ARGS` under `script` with `answer` typed on the terminal; returns everything
/// the terminal showed.
fn on_terminal(p: &Project, args: &str, answer: &str) -> String {
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_aludel"));
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(p.path())
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs commands on a pseudo-terminal for this test");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

#[test]
fn a_remote_database_asks_on_the_terminal_and_shows_progress() {
    let p = Project::new();
    p.write(
        BASE,
        &[],
        "per-migration",
        "CREATE TABLE base (id int);",
        "DROP TABLE base;",
    );
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned();
    let url = p
        .url()
        .replacen("127.0.0.1", &host, 1)
        .replacen("localhost", &host, 1);
    let args = format!("upgrade --database-url {url}");

    let shown = on_terminal(&p, &args, "n\n");
    assert!(
        shown.contains(&format!("  upgrade {BASE}\napply this plan? [y/N] ")),
        "{shown}"
    );
    assert!(
        shown.contains("error: not confirmed; nothing was changed"),
        "{shown}"
    );
    assert_eq!(p.state(), "tables: [] applied: [(no version table)]");

    let shown = on_terminal(&p, &args, "y\n");
    assert!(
        shown.contains(&format!("\x1b[2K[1/1] upgrade {BASE}")),
        "{shown}"
    );
    assert!(shown.contains(&format!("upgrade {BASE} (")), "{shown}");
    assert_eq!(p.state(), "tables: [base] applied: [20260101000000_base]");
}
