//! A throwaway PostgreSQL cluster: `initdb` in a temporary directory, `pg_ctl start` on a free
//! loopback port with settings for speed and size, stopped and removed on drop. As root, the
//! server runs as the `postgres` user (initdb refuses root), in a directory that user owns.

use std::fs;
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;

/// Settings of a throwaway cluster.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Directory holding `initdb` and `pg_ctl`; found automatically when `None`.
    pub bin_dir: Option<PathBuf>,
    /// High enough for one transaction to create thousands of tables.
    pub max_locks_per_transaction: u32,
    pub max_connections: u32,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            bin_dir: None,
            max_locks_per_transaction: 1024,
            max_connections: 200,
        }
    }
}

/// A running throwaway cluster. Dropping it stops the server and removes its directory,
/// unless [`Cluster::keep`] was called.
#[derive(Debug)]
pub struct Cluster {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
    bin_dir: PathBuf,
    port: u16,
    run_as: Option<String>,
    major_version: u32,
}

/// A PostgreSQL client program (`psql`, `pg_dump`): the one next to the server binaries of
/// [`find_bin_dir`], else the name alone (found on `PATH`).
pub fn find_bin(name: &str) -> PathBuf {
    find_bin_dir()
        .map(|d| d.join(name))
        .ok()
        .filter(|p| p.is_file())
        .unwrap_or_else(|| name.into())
}

/// Finds the directory with `initdb` and `pg_ctl`: `$ALUDEL_PG_BIN`, then `PATH`, then the
/// newest `/usr/lib/postgresql/<major>/bin` (Debian and Ubuntu install them there).
pub fn find_bin_dir() -> Result<PathBuf, Error> {
    let has_tools = |d: &Path| d.join("initdb").is_file() && d.join("pg_ctl").is_file();
    if let Some(d) = std::env::var_os("ALUDEL_PG_BIN") {
        let d = PathBuf::from(d);
        return if has_tools(&d) {
            Ok(d)
        } else {
            Err(Error::NoBinaries)
        };
    }
    if let Some(path) = std::env::var_os("PATH")
        && let Some(d) = std::env::split_paths(&path).find(|d| has_tools(d))
    {
        return Ok(d);
    }
    let mut candidates: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let major = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has_tools(&bin).then_some((major, bin))
        })
        .collect();
    candidates.sort();
    candidates.pop().map(|(_, d)| d).ok_or(Error::NoBinaries)
}

impl Cluster {
    /// Initialises and starts a cluster; blocks until it accepts connections.
    pub fn start(opts: &ClusterOptions) -> Result<Cluster, Error> {
        let bin_dir = match &opts.bin_dir {
            Some(d) => d.clone(),
            None => find_bin_dir()?,
        };
        let dir = tempfile::Builder::new()
            .prefix("aludel-pg-")
            .tempdir()
            .map_err(|e| io("cannot create a temporary directory", Path::new("/tmp"), e))?;
        let path = dir.path().to_path_buf();
        let is_root = fs::metadata(&path)
            .map_err(|e| io("cannot read", &path, e))?
            .uid()
            == 0;
        let run_as = if is_root {
            let (uid, gid) = postgres_user()?;
            std::os::unix::fs::chown(&path, Some(uid), Some(gid))
                .map_err(|e| io("cannot give the cluster directory to postgres", &path, e))?;
            Some("postgres".to_owned())
        } else {
            None
        };
        let mut cluster = Cluster {
            dir: Some(dir),
            path,
            bin_dir,
            port: 0,
            run_as,
            major_version: 0,
        };
        cluster.init()?;
        cluster.major_version = fs::read_to_string(cluster.data_dir().join("PG_VERSION"))
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        // a free port can be taken between our probe and the server's bind: try a few
        let mut last = None;
        for _ in 0..5 {
            cluster.port = free_port()?;
            match cluster.pg_ctl_start(opts) {
                Ok(()) => return Ok(cluster),
                Err(e) => last = Some(e),
            }
        }
        Err(last.expect("at least one attempt"))
    }

    fn data_dir(&self) -> PathBuf {
        self.path.join("data")
    }

    fn init(&self) -> Result<(), Error> {
        let data = self.data_dir();
        self.run(
            "initdb",
            &[
                "-D",
                path_str(&data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
        )?;
        // the superuser connects without a password; every other role needs one over TCP,
        // so password failures can be exercised
        let hba = "local all all trust\n\
                   host all postgres 127.0.0.1/32 trust\n\
                   host all postgres ::1/128 trust\n\
                   host all all 127.0.0.1/32 scram-sha-256\n\
                   host all all ::1/128 scram-sha-256\n";
        let hba_path = data.join("pg_hba.conf");
        fs::write(&hba_path, hba).map_err(|e| io("cannot write", &hba_path, e))?;
        Ok(())
    }

    fn pg_ctl_start(&self, opts: &ClusterOptions) -> Result<(), Error> {
        let settings = [
            format!("port={}", self.port),
            "listen_addresses=127.0.0.1".to_owned(),
            format!("unix_socket_directories={}", self.path.display()),
            "fsync=off".to_owned(),
            "synchronous_commit=off".to_owned(),
            "full_page_writes=off".to_owned(),
            format!(
                "max_locks_per_transaction={}",
                opts.max_locks_per_transaction
            ),
            format!("max_connections={}", opts.max_connections),
            "shared_buffers=128MB".to_owned(),
            "max_wal_size=4GB".to_owned(),
            "log_min_messages=warning".to_owned(),
        ];
        let o: Vec<String> = settings.iter().map(|s| format!("-c {s}")).collect();
        let log = self.path.join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                path_str(&self.data_dir()),
                "-l",
                path_str(&log),
                "-w",
                "-t",
                "60",
                "-o",
                &o.join(" "),
                "start",
            ],
        )
        .map_err(|e| match e {
            Error::Command {
                command, status, ..
            } => Error::Command {
                command,
                status,
                output: fs::read_to_string(&log).unwrap_or_default(),
            },
            other => other,
        })
    }

    fn run(&self, tool: &str, args: &[&str]) -> Result<(), Error> {
        let exe = self.bin_dir.join(tool);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        cmd.args(args).current_dir(&self.path);
        let out = cmd.output().map_err(|e| io("cannot run", &exe, e))?;
        if out.status.success() {
            return Ok(());
        }
        Err(Error::Command {
            command: format!("{tool} {}", args.join(" ")),
            status: out.status.to_string(),
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        })
    }

    /// `postgres://postgres@127.0.0.1:<port>/postgres`: the superuser, no password.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// The same server through its Unix socket.
    pub fn socket_url(&self) -> String {
        format!(
            "postgres://postgres@/postgres?host={}&port={}",
            self.path.display(),
            self.port
        )
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The directory holding the data directory, the server log and the socket.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The server's major version, from its data directory (`15`).
    pub fn major_version(&self) -> u32 {
        self.major_version
    }

    /// The command that stops this cluster by hand (for a kept cluster).
    pub fn stop_command(&self) -> String {
        let pg_ctl = self.bin_dir.join("pg_ctl");
        let prefix = match &self.run_as {
            Some(u) => format!("runuser -u {u} -- "),
            None => String::new(),
        };
        format!(
            "{prefix}{} -D {} stop -m immediate && rm -rf {}",
            pg_ctl.display(),
            self.data_dir().display(),
            self.path.display()
        )
    }

    /// Leaves the server running and its directory in place; returns the directory.
    pub fn keep(mut self) -> PathBuf {
        if let Some(d) = self.dir.take() {
            let _ = d.keep();
        }
        self.path.clone()
    }

    /// Stops the server now (also done on drop).
    pub fn stop(mut self) -> Result<(), Error> {
        self.stop_inner()
    }

    fn stop_inner(&mut self) -> Result<(), Error> {
        if self.dir.is_none() {
            return Ok(());
        }
        let r = self.run(
            "pg_ctl",
            &[
                "-D",
                path_str(&self.data_dir()),
                "stop",
                "-m",
                "immediate",
                "-w",
            ],
        );
        self.dir.take();
        r
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.stop_inner();
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

fn io(context: &str, path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        context: context.to_owned(),
        path: path.to_path_buf(),
        source,
    }
}

fn free_port() -> Result<u16, Error> {
    let l = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| io("cannot find a free port", Path::new("127.0.0.1"), e))?;
    Ok(l.local_addr().map(|a| a.port()).unwrap_or(0))
}

/// The uid and gid of the `postgres` user, from `/etc/passwd`.
pub(crate) fn postgres_user() -> Result<(u32, u32), Error> {
    let passwd = fs::read_to_string("/etc/passwd")
        .map_err(|e| io("cannot read", Path::new("/etc/passwd"), e))?;
    passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.first() == Some(&"postgres") && f.len() > 3)
        .and_then(|f| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
        .ok_or(Error::NoPostgresUser)
}
