//! Connection forms on a live throwaway cluster: a Unix-socket URL, and TLS (`sslmode=require`
//! encrypts; `verify-full` refuses a certificate nobody trusts, with a hint and no password).

use std::path::Path;
use std::process::Command;

use aludel_pg::{Cluster, ClusterOptions, Error, connect};
use sqlx::Connection;

fn cluster() -> Cluster {
    Cluster::start(&ClusterOptions::default()).unwrap_or_else(|e| {
        panic!(
            "these tests start their own PostgreSQL cluster and need the server binaries \
             (initdb, pg_ctl; Debian: apt-get install postgresql): {e}"
        )
    })
}

async fn scalar(url: &str, sql: &'static str) -> String {
    let mut conn = connect(url).await.unwrap_or_else(|e| panic!("{e}"));
    let v: String = sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap();
    let _ = conn.close().await;
    v
}

#[tokio::test]
async fn a_unix_socket_url_connects() {
    let c = cluster();
    let url = c.socket_url();
    assert!(url.contains("?host=/"), "{url}");
    let v = scalar(&url, "SELECT coalesce(inet_server_addr()::text, 'socket')").await;
    assert_eq!(v, "socket");
}

/// Gives `path` to the server's user when we are root (the server runs as `postgres` then).
fn give_to_server(dir: &Path, path: &Path) {
    use std::os::unix::fs::MetadataExt;
    let owner = std::fs::metadata(dir).unwrap();
    std::os::unix::fs::chown(path, Some(owner.uid()), Some(owner.gid())).unwrap();
}

#[tokio::test]
async fn tls_is_used_when_required_and_an_untrusted_certificate_is_refused() {
    let c = cluster();
    let dir = c.path().to_path_buf();
    let (cert, key) = (dir.join("server.crt"), dir.join("server.key"));
    let out = Command::new("openssl")
        .args([
            "req",
            "-new",
            "-x509",
            "-days",
            "1",
            "-nodes",
            "-subj",
            "/CN=localhost",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("the TLS test needs the openssl command (Debian: apt-get install openssl)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [&cert, &key] {
        give_to_server(&dir, f);
    }
    std::fs::set_permissions(&key, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let mut admin = connect(&c.url()).await.unwrap();
    for sql in [
        format!("ALTER SYSTEM SET ssl_cert_file = '{}'", cert.display()),
        format!("ALTER SYSTEM SET ssl_key_file = '{}'", key.display()),
        "ALTER SYSTEM SET ssl = on".to_owned(),
        "SELECT pg_reload_conf()".to_owned(),
    ] {
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut admin)
            .await
            .unwrap();
    }
    let _ = admin.close().await;

    let required = format!("{}?sslmode=require", c.url());
    let mut used = String::new();
    for _ in 0..50 {
        // the reload is asynchronous: wait until new sessions get TLS
        used = scalar(
            &required,
            "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        )
        .await;
        if used == "true" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(used, "true", "sslmode=require must encrypt");

    let url = c
        .url()
        .replace("postgres@", "postgres:s3cret-pw@")
        .replace("127.0.0.1", "localhost")
        + "?sslmode=verify-full";
    let err = connect(&url)
        .await
        .expect_err("a self-signed certificate is not trusted");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
    let text = format!("{err} {}", err.hint().unwrap_or_default());
    assert!(text.contains("sslrootcert"), "{text}");
    assert!(!text.contains("s3cret-pw"), "{text}");
}
