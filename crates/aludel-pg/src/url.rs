//! Database URLs cut into the parts aludel rewrites (password, database), without decoding
//! anything, so redaction and database switching work on every form users have: TCP hosts,
//! an empty host with `?host=/socket/dir`, and passwords containing `/` or `@`.

/// `scheme://[user[:password]@]host[/path][?query]`, as slices of the original text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UrlParts<'a> {
    /// `postgres://`
    scheme: &'a str,
    user: Option<&'a str>,
    password: Option<&'a str>,
    /// `host:port` (possibly empty)
    host: &'a str,
    /// `/database` or empty
    path: &'a str,
    /// `?a=b&c=d` or empty
    query: &'a str,
}

impl<'a> UrlParts<'a> {
    pub(crate) fn parse(url: &'a str) -> Option<Self> {
        let idx = url.find("://")?;
        let (scheme, rest) = url.split_at(idx + 3);
        let (before_query, query) = rest.split_at(rest.find('?').unwrap_or(rest.len()));
        // the user info ends at the last `@` before the query, whatever the password contains
        let (userinfo, host_path) = match before_query.rfind('@') {
            Some(at) => (Some(&before_query[..at]), &before_query[at + 1..]),
            None => (None, before_query),
        };
        let (user, password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((user, pw)) => (Some(user), Some(pw)),
                None => (Some(u), None),
            },
            None => (None, None),
        };
        let (host, path) = host_path.split_at(host_path.find('/').unwrap_or(host_path.len()));
        Some(UrlParts {
            scheme,
            user,
            password,
            host,
            path,
            query,
        })
    }

    /// Every secret the URL carries: the password of the user part and `password=` parameters.
    pub(crate) fn secrets(&self) -> Vec<&'a str> {
        let params = self
            .query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .filter(|(k, _)| k.eq_ignore_ascii_case("password"))
            .map(|(_, v)| v);
        self.password
            .into_iter()
            .chain(params)
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// The URL with every secret replaced by `***`.
    pub(crate) fn redacted(&self) -> String {
        let query: Vec<String> = self
            .query
            .trim_start_matches('?')
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => kv.to_owned(),
            })
            .collect();
        let query = if self.query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        self.write(self.password.map(|_| "***"), self.path, &query)
    }

    /// The URL as the driver accepts it: an empty host before a `?host=/socket/dir` parameter
    /// (libpq's form for Unix sockets) becomes `localhost`, which the parameter overrides.
    pub(crate) fn for_driver(&self) -> Option<String> {
        let socket_param = self
            .query
            .trim_start_matches('?')
            .split('&')
            .any(|kv| kv.starts_with("host="));
        let host_empty = self.host.is_empty() || self.host.starts_with(':');
        (host_empty && socket_param).then(|| {
            let mut parts = *self;
            let host = format!("localhost{}", self.host);
            parts.host = &host;
            parts.write(self.password, self.path, self.query)
        })
    }

    /// The database of the URL (its path without the `/`), empty when there is none.
    pub(crate) fn database(&self) -> &'a str {
        self.path.trim_start_matches('/')
    }

    /// The URL pointing at `database` instead.
    pub(crate) fn with_database(&self, database: &str) -> String {
        self.write(self.password, &format!("/{database}"), self.query)
    }

    fn write(&self, password: Option<&str>, path: &str, query: &str) -> String {
        let mut out = self.scheme.to_owned();
        if let Some(u) = self.user {
            out.push_str(u);
            if let Some(p) = password {
                out.push(':');
                out.push_str(p);
            }
            out.push('@');
        }
        out.push_str(self.host);
        out.push_str(path);
        out.push_str(query);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_urls_get_a_host_the_driver_accepts() {
        let p = UrlParts::parse("postgres://u:pw@/db?host=/run/pg&port=5433").unwrap();
        assert_eq!(
            p.for_driver().as_deref(),
            Some("postgres://u:pw@localhost/db?host=/run/pg&port=5433")
        );
        let tcp = UrlParts::parse("postgres://u@db.example.com/db?host=/x").unwrap();
        assert_eq!(tcp.for_driver(), None);
        let plain = UrlParts::parse("postgres://u@/db").unwrap();
        assert_eq!(plain.for_driver(), None);
    }

    #[test]
    fn parts() {
        let p =
            UrlParts::parse("postgres://u:pa/ss@w0rd@h:5/db?sslmode=require&password=x").unwrap();
        assert_eq!(p.secrets(), ["pa/ss@w0rd", "x"]);
        assert_eq!(
            p.redacted(),
            "postgres://u:***@h:5/db?sslmode=require&password=***"
        );
        assert_eq!(
            p.with_database("other"),
            "postgres://u:pa/ss@w0rd@h:5/other?sslmode=require&password=x"
        );
        let s = UrlParts::parse("postgresql://app@/app?host=/tmp").unwrap();
        assert_eq!(s.with_database("x"), "postgresql://app@/x?host=/tmp");
        assert_eq!(s.redacted(), "postgresql://app@/app?host=/tmp");
        assert!(UrlParts::parse("no scheme").is_none());
    }
}
