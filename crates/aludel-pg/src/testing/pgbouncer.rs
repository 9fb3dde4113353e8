//! A real PgBouncer for tests, in front of a test server: started on a free loopback port with
//! a generated ini (`auth_type = trust`, transaction or session pooling, a given pool size), as
//! the `postgres` user when we are root (PgBouncer refuses root), and killed on drop.

use std::fmt::Write as _;
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::url::UrlParts;
use crate::{Server, connect_options};

/// The message a test fails with when there is no `pgbouncer` binary.
pub const NO_PGBOUNCER: &str = "no `pgbouncer` binary: install it (Debian/Ubuntu: \
    `apt-get install -y pgbouncer`; `.ci/run` does it when it is missing), or set \
    ALUDEL_PGBOUNCER to its path";

/// How long PgBouncer may take to accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(15);

/// PgBouncer's `pool_mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolMode {
    /// A server connection per client connection, for the client's whole life.
    Session,
    /// A server connection per transaction: session state (locks, prepared statements, `SET`)
    /// stays on a server connection other clients use next.
    Transaction,
}

impl PoolMode {
    fn as_str(self) -> &'static str {
        match self {
            PoolMode::Session => "session",
            PoolMode::Transaction => "transaction",
        }
    }
}

/// A running PgBouncer; dropping it kills the process and removes its directory.
#[derive(Debug)]
pub struct PgBouncer {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
    user: String,
    mode: PoolMode,
}

/// `$ALUDEL_PGBOUNCER`, then `pgbouncer` on `PATH`, then `/usr/sbin/pgbouncer` (Debian's place,
/// not on every user's `PATH`).
pub fn find_pgbouncer() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ALUDEL_PGBOUNCER") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let on_path = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|d| d.join("pgbouncer"))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| {
        ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
    })
}

impl PgBouncer {
    /// Starts PgBouncer in front of `server` (every database of it, as the server URL's user)
    /// with `pool_size` server connections per database and user; panics with
    /// [`NO_PGBOUNCER`] when the binary is missing, and with PgBouncer's log when it does not
    /// start within 15 seconds.
    pub fn start(server: &Server, mode: PoolMode, pool_size: u32) -> PgBouncer {
        let exe = find_pgbouncer().unwrap_or_else(|| panic!("{NO_PGBOUNCER}"));
        let opts = connect_options(server.url())
            .unwrap_or_else(|e| panic!("the test server's url is not usable: {e}"));
        let host = match opts.get_socket() {
            Some(dir) => dir.display().to_string(),
            None => opts.get_host().to_owned(),
        };
        let user = opts.get_username().to_owned();
        let dir = tempfile::Builder::new()
            .prefix("aludel-pgbouncer-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a directory for PgBouncer: {e}"));
        let run_as = (std::fs::metadata(dir.path()).map(|m| m.uid()).ok() == Some(0)).then(|| {
            crate::cluster::postgres_user().unwrap_or_else(|e| {
                panic!("PgBouncer refuses to run as root, and there is no user to run it as: {e}")
            })
        });
        let mut last_log = String::new();
        // a free port can be taken between asking and binding: try a few
        for _ in 0..3 {
            let port = free_port();
            let ini = ini(
                &host,
                opts.get_port(),
                &user,
                port,
                mode,
                pool_size,
                dir.path(),
            );
            write(dir.path(), "pgbouncer.ini", &ini);
            write(dir.path(), "userlist.txt", &format!("\"{user}\" \"\"\n"));
            let log = dir.path().join("pgbouncer.log");
            let _ = std::fs::remove_file(&log);
            if let Some((uid, gid)) = run_as {
                for entry in [dir.path().to_path_buf()].into_iter().chain(
                    std::fs::read_dir(dir.path())
                        .into_iter()
                        .flatten()
                        .flatten()
                        .map(|e| e.path()),
                ) {
                    std::os::unix::fs::chown(&entry, Some(uid), Some(gid)).unwrap_or_else(|e| {
                        panic!("cannot give {} to PgBouncer's user: {e}", entry.display())
                    });
                }
            }
            let mut cmd = Command::new(&exe);
            cmd.arg(dir.path().join("pgbouncer.ini"))
                .current_dir(dir.path())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            if let Some((uid, gid)) = run_as {
                cmd.uid(uid).gid(gid);
            }
            let mut child = cmd
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
            match wait_ready(&mut child, port, &log) {
                Ok(()) => {
                    return PgBouncer {
                        child,
                        dir,
                        port,
                        user,
                        mode,
                    };
                }
                Err(message) => {
                    kill(&mut child);
                    last_log = message;
                }
            }
        }
        panic!("PgBouncer did not start:\n{last_log}")
    }

    /// PgBouncer's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("pgbouncer.log")).unwrap_or_default()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn mode(&self) -> PoolMode {
        self.mode
    }

    /// The URL of `database` through this PgBouncer.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://{}@127.0.0.1:{}/{database}",
            self.user, self.port
        )
    }

    /// `database_url` (a URL of the test server) through this PgBouncer: same database.
    pub fn url_for(&self, database_url: &str) -> String {
        let parts = UrlParts::parse(database_url)
            .unwrap_or_else(|| panic!("not a database url: {}", crate::redact(database_url)));
        self.url(parts.database())
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        kill(&mut self.child);
    }
}

/// Waits (bounded) until `port` accepts connections; `Err` with the log when PgBouncer exited
/// or the time is up.
fn wait_ready(child: &mut Child, port: u16, log: &Path) -> Result<(), String> {
    let deadline = Instant::now() + START_TIMEOUT;
    let log = || std::fs::read_to_string(log).unwrap_or_default();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("pgbouncer exited ({status}):\n{}", log()));
        }
        let addr = ([127, 0, 0, 1], port).into();
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "pgbouncer did not listen on port {port} within {START_TIMEOUT:?}:\n{}",
                log()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Kills and reaps `child`, waiting at most five seconds.
fn kill(child: &mut Child) {
    let _ = child.kill();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0")
        .unwrap_or_else(|e| panic!("cannot find a free port for PgBouncer: {e}"));
    l.local_addr().map(|a| a.port()).unwrap_or(0)
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The ini: every database of the server (`* =`), trust for the one user of `userlist.txt`,
/// no Unix socket, and short waits so a test that starves the pool fails instead of hanging.
fn ini(
    host: &str,
    server_port: u16,
    user: &str,
    port: u16,
    mode: PoolMode,
    pool_size: u32,
    dir: &Path,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "[databases]");
    let _ = writeln!(s, "* = host={host} port={server_port} user={user}");
    let _ = writeln!(s, "[pgbouncer]");
    for (k, v) in [
        ("listen_addr", "127.0.0.1".to_owned()),
        ("listen_port", port.to_string()),
        ("unix_socket_dir", String::new()),
        ("auth_type", "trust".to_owned()),
        ("auth_file", dir.join("userlist.txt").display().to_string()),
        ("logfile", dir.join("pgbouncer.log").display().to_string()),
        ("pool_mode", mode.as_str().to_owned()),
        ("default_pool_size", pool_size.to_string()),
        ("max_client_conn", "500".to_owned()),
        // sqlx sends it in the startup packet; PgBouncer refuses unknown parameters
        ("ignore_startup_parameters", "extra_float_digits".to_owned()),
        ("query_wait_timeout", "30".to_owned()),
        ("server_login_retry", "1".to_owned()),
    ] {
        let _ = writeln!(s, "{k} = {v}");
    }
    s
}
