//! Test support: one database per test on the server named by `ALUDEL_TEST_URL` (which
//! `cargo xtask test` exports), dropped when the test passes and kept when it fails; a real
//! PgBouncer in front of it (`pgbouncer`).

mod pgbouncer;

pub use pgbouncer::{NO_PGBOUNCER, PgBouncer, PoolMode, find_pgbouncer};

use sqlx::postgres::PgConnection;

use crate::{ScratchDatabase, Server, connect};

/// The variable `cargo xtask test` sets to its throwaway cluster's URL.
pub const TEST_URL_VAR: &str = "ALUDEL_TEST_URL";

/// The message a database test fails with when no server is configured.
pub const NO_SERVER: &str = "no PostgreSQL server for tests: run `cargo xtask test` \
    (it starts a throwaway cluster and sets ALUDEL_TEST_URL), or set \
    ALUDEL_TEST_URL=postgres://user@host:port/postgres to a server where tests may create databases";

/// The test server; panics with [`NO_SERVER`] when none is configured (tests never skip).
pub fn server() -> Server {
    let url = std::env::var(TEST_URL_VAR).unwrap_or_else(|_| panic!("{NO_SERVER}"));
    Server::new(&url).unwrap_or_else(|e| panic!("{TEST_URL_VAR} is not usable: {e}"))
}

/// A database for one test.
#[derive(Debug)]
pub struct TestDb {
    pub server: Server,
    pub db: ScratchDatabase,
}

impl TestDb {
    /// Creates a fresh database named after the running test.
    pub async fn new() -> TestDb {
        let server = server();
        let hint = std::thread::current()
            .name()
            .map(|n| n.rsplit("::").next().unwrap_or(n).to_owned())
            .unwrap_or_else(|| "test".to_owned());
        let db = server
            .create_database(&format!("t_{hint}"), None)
            .await
            .unwrap_or_else(|e| panic!("cannot create a test database: {e}"));
        TestDb { server, db }
    }

    pub fn url(&self) -> &str {
        &self.db.url
    }

    pub async fn connect(&self) -> PgConnection {
        connect(&self.db.url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to the test database: {e}"))
    }

    /// Runs a multi-statement script (simple query protocol), panicking with the server's error.
    pub async fn execute(&self, sql: &str) {
        let mut conn = self.connect().await;
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n--- script ---\n{sql}"));
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if std::thread::panicking() {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "kept the failed test's database `{}`: {}",
                    self.db.name,
                    crate::redact(&self.db.url)
                );
            }
            return;
        }
        let server = self.server.clone();
        let name = self.db.name.clone();
        // drop is synchronous: run the async drop on a runtime of its own thread
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("tokio runtime");
            rt.block_on(server.drop_database(&name))
        })
        .join();
    }
}
