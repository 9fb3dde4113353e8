//! The hazard codes: what a statement may do to data or to concurrent traffic, as written in
//! migration headers (`-- aludel: hazard data-loss public.users.phone`) and statement comments.
//! Which hazards are reported for which change is the callers' policy, not this crate's.

use std::fmt;
use std::str::FromStr;

/// Something a statement may do to data or to concurrent traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hazard {
    /// `data-loss`: data is destroyed and a downgrade cannot bring it back.
    DataLoss,
    /// `rewrites-table`: the whole table is rewritten under an exclusive lock.
    RewritesTable,
    /// `blocks-writes`: writes (and usually reads) of the table wait while the statement runs.
    BlocksWrites,
    /// `may-fail-on-existing-rows`: the statement fails when existing rows violate the new rule.
    MayFailOnExistingRows,
}

impl Hazard {
    /// Every hazard, in the order of its codes' documentation.
    pub const ALL: [Hazard; 4] = [
        Hazard::DataLoss,
        Hazard::RewritesTable,
        Hazard::BlocksWrites,
        Hazard::MayFailOnExistingRows,
    ];

    /// The code written in migration headers and comments (`data-loss`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Hazard::DataLoss => "data-loss",
            Hazard::RewritesTable => "rewrites-table",
            Hazard::BlocksWrites => "blocks-writes",
            Hazard::MayFailOnExistingRows => "may-fail-on-existing-rows",
        }
    }

    /// The hazard whose code is `code`, exactly (codes are lower case).
    pub fn from_code(code: &str) -> Option<Hazard> {
        Hazard::ALL.into_iter().find(|h| h.code() == code)
    }
}

impl fmt::Display for Hazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A string that is no hazard code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownHazard(pub String);

impl fmt::Display for UnknownHazard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown hazard `{}`", self.0)
    }
}

impl std::error::Error for UnknownHazard {}

impl FromStr for Hazard {
    type Err = UnknownHazard;

    fn from_str(s: &str) -> Result<Hazard, UnknownHazard> {
        Hazard::from_code(s).ok_or_else(|| UnknownHazard(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for h in Hazard::ALL {
            assert_eq!(Hazard::from_code(h.code()), Some(h));
            assert_eq!(h.to_string().parse::<Hazard>(), Ok(h));
        }
        let codes: Vec<&str> = Hazard::ALL.iter().map(|h| h.code()).collect();
        assert_eq!(
            codes,
            [
                "data-loss",
                "rewrites-table",
                "blocks-writes",
                "may-fail-on-existing-rows"
            ]
        );
        assert_eq!(Hazard::from_code("Data-Loss"), None);
        assert_eq!(
            "nope".parse::<Hazard>().unwrap_err().to_string(),
            "unknown hazard `nope`"
        );
    }
}
