//! Connections to PostgreSQL (URL forms, TLS, redaction) and throwaway servers: scratch databases
//! on a given server, or a whole cluster started with the machine's `initdb`/`pg_ctl`.

mod cluster;
mod connect;
mod error;
mod pooler;
mod server;
pub mod testing;
mod url;

pub use cluster::{Cluster, ClusterOptions, find_bin, find_bin_dir};
pub use connect::{ConnectInfo, connect, connect_options, redact};
pub use error::{Error, server_message};
pub use pooler::pooler_hint;
pub use server::{ScratchDatabase, Server, with_database};
