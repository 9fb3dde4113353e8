//! The PgBouncer harness on the test server, and the driver facts aludel's read-only paths rely
//! on behind a transaction-mode pooler: one server session serves several clients (same
//! `pg_backend_pid()`), session mode never shares one; sqlx's named prepared statements collide
//! there even with `statement_cache_capacity(0)` (sqlx 0.9 still names them), and unnamed ones
//! (`persistent(false)`) are only safe inside a transaction (sqlx parses and binds in two round
//! trips, between which the pooler may hand the session to another client).

use aludel_pg::testing::{PgBouncer, PoolMode, TestDb};
use sqlx::Connection;
use sqlx::postgres::PgConnection;

async fn pid(conn: &mut PgConnection) -> i32 {
    sqlx::raw_sql("SELECT pg_backend_pid()")
        .fetch_one(&mut *conn)
        .await
        .map(|row| sqlx::Row::get(&row, 0))
        .unwrap()
}

#[tokio::test]
async fn transaction_mode_shares_one_server_session_between_clients() {
    let db = TestDb::new().await;
    let bouncer = PgBouncer::start(&db.server, PoolMode::Transaction, 1);
    let url = bouncer.url_for(db.url());
    let mut a = aludel_pg::connect(&url).await.unwrap();
    let mut b = aludel_pg::connect(&url).await.unwrap();
    assert_eq!(pid(&mut a).await, pid(&mut b).await, "{}", bouncer.log());
    let _ = a.close().await;
    let _ = b.close().await;
}

#[tokio::test]
async fn session_mode_gives_each_client_its_own_server_session() {
    let db = TestDb::new().await;
    let bouncer = PgBouncer::start(&db.server, PoolMode::Session, 2);
    let url = bouncer.url_for(db.url());
    let mut a = aludel_pg::connect(&url).await.unwrap();
    let mut b = aludel_pg::connect(&url).await.unwrap();
    let (pa, pb) = (pid(&mut a).await, pid(&mut b).await);
    assert_ne!(pa, pb);
    assert_eq!(pid(&mut a).await, pa);
    let _ = a.close().await;
    let _ = b.close().await;
}

/// How a query is sent.
#[derive(Debug, Clone, Copy)]
enum Way {
    Named,
    NamedWithoutCache,
    Unnamed,
    UnnamedInTransaction,
}

/// Six clients, each sending its own query (`SELECT $1 + k`) 100 times through a transaction
/// pooler of two server connections: the distinct errors and wrong results.
async fn failures(url: &str, way: Way) -> Vec<String> {
    let mut tasks = Vec::new();
    for k in 0..6i32 {
        let url = url.to_owned();
        tasks.push(tokio::spawn(async move {
            let mut opts = aludel_pg::connect_options(&url).unwrap();
            if matches!(way, Way::NamedWithoutCache) {
                opts = opts.statement_cache_capacity(0);
            }
            let mut c = sqlx::ConnectOptions::connect(&opts).await.unwrap();
            let in_tx = matches!(way, Way::UnnamedInTransaction);
            let persistent = matches!(way, Way::Named | Way::NamedWithoutCache);
            let mut errors = Vec::new();
            for i in 0..100i32 {
                if in_tx {
                    sqlx::raw_sql("BEGIN").execute(&mut c).await.unwrap();
                }
                let sql = format!("SELECT $1::int + {k}");
                let r: Result<i32, _> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .bind(i)
                    .persistent(persistent)
                    .fetch_one(&mut c)
                    .await;
                match r {
                    Ok(v) if v == i + k => {}
                    Ok(v) => errors.push(format!("wrong result {v} for {i} + {k}")),
                    Err(e) => errors.push(e.to_string()),
                }
                if in_tx {
                    let _ = sqlx::raw_sql("COMMIT").execute(&mut c).await;
                }
            }
            errors
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all.sort();
    all.dedup();
    all
}

#[tokio::test]
async fn through_a_transaction_pooler_only_unnamed_statements_in_a_transaction_are_safe() {
    let db = TestDb::new().await;
    let bouncer = PgBouncer::start(&db.server, PoolMode::Transaction, 2);
    let url = bouncer.url_for(db.url());
    let named = failures(&url, Way::Named).await;
    assert!(
        named
            .iter()
            .any(|e| e.contains("prepared statement \"sqlx_s_")),
        "{named:?}"
    );
    let uncached = failures(&url, Way::NamedWithoutCache).await;
    assert!(
        uncached
            .iter()
            .any(|e| e.contains("prepared statement \"sqlx_s_")),
        "statement_cache_capacity(0) still names statements: {uncached:?}"
    );
    let unnamed = failures(&url, Way::Unnamed).await;
    assert!(
        !unnamed.is_empty(),
        "outside a transaction, an unnamed statement meets another client's parameters"
    );
    let in_tx = failures(&url, Way::UnnamedInTransaction).await;
    assert_eq!(in_tx, Vec::<String>::new());
}
