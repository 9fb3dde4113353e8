//! Passwords in database URLs never appear in output or errors, whichever command fails and
//! however the URL was given (flag, environment, `.env`).

mod common;

use common::Project;
use expect_test::expect;

const SECRET: &str = "hunter2-very-secret";

#[test]
fn no_password_in_errors_of_any_command() {
    let p = Project::new();
    p.write_history();
    let url = format!("postgres://app:{SECRET}@127.0.0.1:1/app");
    let commands: &[&[&str]] = &[
        &["upgrade"],
        &["downgrade", "-1"],
        &["current"],
        &["history"],
        &["stamp", "--purge"],
        &["rehash", common::A],
        &["repair", common::A],
    ];
    for args in commands {
        // As a flag.
        let mut full: Vec<&str> = args.to_vec();
        full.extend(["--database-url", &url]);
        let out = p.bin_out(&full);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(
            !out.out.contains(SECRET) && !out.err.contains(SECRET),
            "{args:?}: {out:?}"
        );
        assert!(
            out.err
                .starts_with("error: cannot reach the database server at 127.0.0.1:1/app"),
            "{out:?}"
        );
        // From the environment.
        let output = p.bin(args).env("DATABASE_URL", &url).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout).to_string()
            + &String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2));
        assert!(!text.contains(SECRET), "{args:?}: {text}");
    }
    let out = p.bin_out(&["diff", "--from", &url, "--to", p.url()]);
    assert_eq!(out.code, 2);
    expect![[r#"
        error: cannot reach the database server at 127.0.0.1:1/app: Connection refused (os error 111)
        hint: check that the server is running and that host and port are right
    "#]]
    .assert_eq(&out.err);
    let out = p.bin_out(&[
        "upgrade",
        "--database-url",
        &format!("mysql://app:{SECRET}@db/app"),
    ]);
    assert_eq!(out.code, 2);
    expect![[r#"
        error: invalid database url `mysql://app:***@db/app`: the scheme must be postgres:// or postgresql://
        hint: use postgres://user:password@host:port/database (or postgresql://), with ?sslmode=require for TLS and ?host=/path/to/socket/dir for a Unix socket
    "#]]
    .assert_eq(&out.err);
}

/// Under `cargo xtask test` (password authentication) the login fails; on a cluster that
/// trusts every login the role lacks the rights to create the version table. Either way the run
/// fails without showing the password.
#[test]
fn no_password_with_a_wrong_password() {
    let p = Project::new();
    p.write_history();
    let role = format!("r_{}", p.db.db.name);
    p.execute(&format!(
        "CREATE ROLE \"{role}\" LOGIN PASSWORD 'right-password'"
    ));
    let url = p.url().replacen(
        "postgres://postgres@",
        &format!("postgres://{role}:{SECRET}@"),
        1,
    );
    assert!(url.contains(SECRET));
    let out = p.bin_out(&["upgrade", "--database-url", &url]);
    p.execute(&format!("DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\""));
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        !out.out.contains(SECRET) && !out.err.contains(SECRET),
        "{out:?}"
    );
}

#[test]
fn the_url_comes_from_dotenv_and_the_flag_overrides_it() {
    let p = Project::new();
    p.write_history();
    std::fs::write(p.path().join(".env"), format!("DATABASE_URL={}\n", p.url())).unwrap();
    let out = p.bin_out_without_env(&["upgrade", "+1"]);
    assert_eq!(
        (out.code, out.out.as_str()),
        (0, "upgrade 20260101000000_base (N ms)\n"),
        "{out:?}"
    );
    let bad = format!("postgres://app:{SECRET}@127.0.0.1:1/app");
    let out = p.bin_out_without_env(&["upgrade", "--database-url", &bad]);
    assert_eq!(out.code, 2, "the flag wins over .env");
    assert!(!out.err.contains(SECRET));
    std::fs::remove_file(p.path().join(".env")).unwrap();
    let out = p.bin_out_without_env(&["current"]);
    assert_eq!(out.code, 2);
    expect![[r#"
        error: no database url
        hint: pass --database-url, or set DATABASE_URL in the environment or in a .env file
    "#]]
    .assert_eq(&out.err);
}
