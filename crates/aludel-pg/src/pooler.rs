//! What to tell a user whose URL reaches the database through a transaction-mode pooler: the
//! addresses that work instead (for Supabase, derived from the URL: the direct host and the
//! session pooler), never the password.

use crate::connect_options;

/// One line naming where to connect instead of `url`'s transaction-mode pooler; a general
/// line without a URL.
pub fn pooler_hint(url: Option<&str>) -> String {
    const WHY: &str = "such a pooler (PgBouncer with pool_mode = transaction, Supabase's on \
        port 6543) does not keep the session lock; current, history, inspect and check work \
        through it";
    let Some(opts) = url.and_then(|u| connect_options(u).ok()) else {
        return format!(
            "run migrations on the database's direct address or through a session-mode pooler; {WHY}"
        );
    };
    if opts.get_socket().is_some() {
        return format!(
            "run migrations on the database's direct address or through a session-mode pooler; {WHY}"
        );
    }
    let host = opts.get_host().to_ascii_lowercase();
    let port = opts.get_port();
    let user = opts.get_username();
    if let Some(instead) = supabase(&host, port, user) {
        return format!("{instead}; {WHY}");
    }
    format!(
        "`{host}:{port}` is a transaction-mode pooler: run migrations on the database server's \
         own address (PostgreSQL listens on port 5432 unless configured otherwise) or through a \
         session-mode pooler (PgBouncer with pool_mode = session); {WHY}"
    )
}

/// Supabase's addresses: the shared pooler `aws-0-REGION.pooler.supabase.com` (user
/// `postgres.REF`; port 6543 transaction mode, 5432 session mode), the dedicated pooler on
/// `db.REF.supabase.co:6543`, the direct host `db.REF.supabase.co:5432` (user `postgres`).
fn supabase(host: &str, port: u16, user: &str) -> Option<String> {
    if host.ends_with(".pooler.supabase.com") {
        let direct = user
            .strip_prefix("postgres.")
            .map(|r| format!("the direct host `db.{r}.supabase.co` on port 5432 (user `postgres`)"))
            .unwrap_or_else(|| {
                "the project's direct host `db.<project-ref>.supabase.co` on port 5432".to_owned()
            });
        return Some(format!(
            "Supabase: run migrations on {direct}, or on the session pooler `{host}` on port \
             5432 instead of port {port}"
        ));
    }
    if host.starts_with("db.") && host.ends_with(".supabase.co") {
        return Some(format!(
            "Supabase: run migrations on the direct host `{host}` on port 5432 instead of port \
             {port}, or on the project's session pooler (port 5432 of its pooler host)"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supabase_addresses_are_named_and_the_password_never_is() {
        let h = pooler_hint(Some(
            "postgres://postgres.abcdefghij:s3cret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
        ));
        assert!(
            h.contains("`db.abcdefghij.supabase.co` on port 5432"),
            "{h}"
        );
        assert!(
            h.contains("session pooler `aws-0-eu-central-1.pooler.supabase.com` on port 5432"),
            "{h}"
        );
        assert!(!h.contains("s3cret"), "{h}");
        let h = pooler_hint(Some(
            "postgres://postgres:pw@db.abcdefghij.supabase.co:6543/postgres",
        ));
        assert!(
            h.contains("`db.abcdefghij.supabase.co` on port 5432"),
            "{h}"
        );
        let h = pooler_hint(Some("postgres://app:pw@10.0.0.5:6432/app"));
        assert!(
            h.starts_with("`10.0.0.5:6432` is a transaction-mode pooler"),
            "{h}"
        );
        assert!(!h.contains("pw"), "{h}");
        assert!(pooler_hint(None).starts_with("run migrations on the database's direct address"));
    }
}
