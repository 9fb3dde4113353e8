//! The PgBouncer harness on the test server, and what the driver needs behind it: transaction
//! mode hands one server session to several clients (same `pg_backend_pid()`), session mode
//! never does; named prepared statements collide there, unnamed ones inside a transaction do not.

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

#[tokio::test]
async fn experiment_prepared_statements() {
    let db = TestDb::new().await;
    let bouncer = PgBouncer::start(&db.server, PoolMode::Transaction, 2);
    let url = bouncer.url_for(db.url());
    for (label, persistent, cache0, in_tx) in [
        ("persistent", true, false, false),
        ("cache 0", true, true, false),
        ("persistent(false)", false, false, false),
        ("persistent(false) in tx", false, false, true),
    ] {
        let mut tasks = Vec::new();
        for k in 0..6i32 {
            let url = url.clone();
            tasks.push(tokio::spawn(async move {
                let mut opts = aludel_pg::connect_options(&url).unwrap();
                if cache0 {
                    opts = opts.statement_cache_capacity(0);
                }
                let mut c = sqlx::ConnectOptions::connect(&opts).await.unwrap();
                let mut errors = Vec::new();
                for i in 0..300i32 {
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
                        Ok(v) => errors.push(format!("wrong result {v} for {i}")),
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
        eprintln!(
            "{label}: {} distinct errors: {:?}",
            all.len(),
            all.iter().take(4).collect::<Vec<_>>()
        );
    }
    let leftovers: Vec<String> = {
        let mut c = db.connect().await;
        sqlx::query_scalar(
            "SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database()",
        )
        .fetch_all(&mut c)
        .await
        .unwrap()
    };
    eprintln!("{leftovers:?}");
}
