//! Revision ids (`<UTC yyyymmddHHMMSS>_<slug>`): validation, and making one from a time and a
//! message.

use std::fmt;
use std::str::FromStr;

const TIMESTAMP_LEN: usize = 14;

/// The longest slug [`slug`] produces (the id adds 15 characters, the file name 4 more).
pub const SLUG_MAX_LEN: usize = 50;

/// The slug used when a message has no ascii letter or digit.
const EMPTY_SLUG: &str = "revision";

/// The last second whose timestamp still has a four-digit year: 9999-12-31 23:59:59 UTC.
const MAX_UNIX_SECONDS: u64 = 253_402_300_799;

/// A revision id such as `20261121120501_add_agents_table`: 14 digits of UTC time, `_`, and a
/// slug of lowercase ascii letters, digits and `_`. It is also the stem of the file name.
///
/// Ids order by their text, which for well-formed ids is their creation time, then their slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RevisionId(String);

impl RevisionId {
    /// Checks that `id` has the shape of a revision id.
    pub fn parse(id: &str) -> Result<RevisionId, InvalidRevisionId> {
        let invalid = |reason| InvalidRevisionId {
            id: id.to_owned(),
            reason,
        };
        let bytes = id.as_bytes();
        if bytes.len() < TIMESTAMP_LEN || !bytes[..TIMESTAMP_LEN].iter().all(u8::is_ascii_digit) {
            return Err(invalid(
                "it must start with a 14-digit utc timestamp (yyyymmddHHMMSS)",
            ));
        }
        let rest = &bytes[TIMESTAMP_LEN..];
        if rest.len() < 2 || rest[0] != b'_' {
            return Err(invalid("the timestamp must be followed by `_` and a slug"));
        }
        if !rest[1..]
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(invalid(
                "the slug may only hold lowercase ascii letters, digits and `_`",
            ));
        }
        Ok(RevisionId(id.to_owned()))
    }

    /// A new id for a revision made at `unix_seconds` (UTC) with `message`, e.g.
    /// `20261121120501_add_agents_table`. Times past the year 9999 are clamped to its last second.
    pub fn generate(unix_seconds: u64, message: &str) -> RevisionId {
        RevisionId(format!("{}_{}", utc_timestamp(unix_seconds), slug(message)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `yyyymmddHHMMSS` part.
    pub fn timestamp(&self) -> &str {
        &self.0[..TIMESTAMP_LEN]
    }

    /// The part after the timestamp and its `_`.
    pub fn slug(&self) -> &str {
        &self.0[TIMESTAMP_LEN + 1..]
    }

    /// `<id>.sql`, the name of the file that holds this revision.
    pub fn file_name(&self) -> String {
        format!("{}.sql", self.0)
    }
}

impl fmt::Display for RevisionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for RevisionId {
    type Err = InvalidRevisionId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RevisionId::parse(s)
    }
}

impl AsRef<str> for RevisionId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A string that is not a revision id, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed revision id `{id}`: {reason}")]
pub struct InvalidRevisionId {
    pub id: String,
    pub reason: &'static str,
}

/// The file-name part of a message: its ascii letters and digits, lowercased, words joined by
/// `_`, at most [`SLUG_MAX_LEN`] characters (cut at a word boundary when there is one), and
/// `revision` when nothing is left.
pub fn slug(message: &str) -> String {
    let mut out = String::new();
    let words = message
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    for word in words {
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + word.len() > SLUG_MAX_LEN {
            if out.is_empty() {
                out.push_str(&word[..SLUG_MAX_LEN]);
            }
            break;
        }
        if sep == 1 {
            out.push('_');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out.push_str(EMPTY_SLUG);
    }
    out.make_ascii_lowercase();
    out
}

/// `yyyymmddHHMMSS` in UTC.
fn utc_timestamp(unix_seconds: u64) -> String {
    let secs = unix_seconds.min(MAX_UNIX_SECONDS);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`,
/// restricted to non-negative days).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Renders what each line of `input` becomes: an id with its parts, a slug (`slug: msg`), or a
    /// generated id (`at <seconds>: msg`).
    fn check(input: &str, expect: Expect) {
        let mut out = String::new();
        for line in input.lines() {
            let rendered = if let Some(msg) = line.strip_prefix("slug: ") {
                slug(msg)
            } else if let Some(rest) = line.strip_prefix("at ") {
                let (secs, msg) = rest.split_once(": ").unwrap();
                RevisionId::generate(secs.parse().unwrap(), msg).to_string()
            } else {
                match RevisionId::parse(line) {
                    Ok(id) => format!("ok {} + {}", id.timestamp(), id.slug()),
                    Err(e) => format!("error: {e}"),
                }
            };
            out.push_str(&format!("{line:?} => {rendered}\n"));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn parses_ids() {
        check(
            "20261121120501_add_agents_table\n\
             20261121120501_2fa\n\
             20261121120501_a__b_",
            expect![[r#"
                "20261121120501_add_agents_table" => ok 20261121120501 + add_agents_table
                "20261121120501_2fa" => ok 20261121120501 + 2fa
                "20261121120501_a__b_" => ok 20261121120501 + a__b_
            "#]],
        );
    }

    #[test]
    fn rejects_malformed_ids() {
        check(
            "\n\
             2026112112050_short\n\
             2026-11-21_add\n\
             20261121120501\n\
             20261121120501_\n\
             20261121120501-add\n\
             20261121120501_Add\n\
             20261121120501_add-agents\n\
             20261121120501_add agents\n\
             20261121120501_café",
            expect![[r#"
                "" => error: malformed revision id ``: it must start with a 14-digit utc timestamp (yyyymmddHHMMSS)
                "2026112112050_short" => error: malformed revision id `2026112112050_short`: it must start with a 14-digit utc timestamp (yyyymmddHHMMSS)
                "2026-11-21_add" => error: malformed revision id `2026-11-21_add`: it must start with a 14-digit utc timestamp (yyyymmddHHMMSS)
                "20261121120501" => error: malformed revision id `20261121120501`: the timestamp must be followed by `_` and a slug
                "20261121120501_" => error: malformed revision id `20261121120501_`: the timestamp must be followed by `_` and a slug
                "20261121120501-add" => error: malformed revision id `20261121120501-add`: the timestamp must be followed by `_` and a slug
                "20261121120501_Add" => error: malformed revision id `20261121120501_Add`: the slug may only hold lowercase ascii letters, digits and `_`
                "20261121120501_add-agents" => error: malformed revision id `20261121120501_add-agents`: the slug may only hold lowercase ascii letters, digits and `_`
                "20261121120501_add agents" => error: malformed revision id `20261121120501_add agents`: the slug may only hold lowercase ascii letters, digits and `_`
                "20261121120501_café" => error: malformed revision id `20261121120501_café`: the slug may only hold lowercase ascii letters, digits and `_`
            "#]],
        );
    }

    #[test]
    fn slugs() {
        check(
            "slug: add phone to users\n\
             slug:   Add  Phone-Number to \"Users\"!  \n\
             slug: ajouter l'élément\n\
             slug: v2: rename users.name -> users.full_name\n\
             slug: \n\
             slug: ¿¡!?\n\
             slug: one two three four five six seven eight nine ten eleven twelve\n\
             slug: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz tail",
            expect![[r#"
                "slug: add phone to users" => add_phone_to_users
                "slug:   Add  Phone-Number to \"Users\"!  " => add_phone_number_to_users
                "slug: ajouter l'élément" => ajouter_l_l_ment
                "slug: v2: rename users.name -> users.full_name" => v2_rename_users_name_users_full_name
                "slug: " => revision
                "slug: ¿¡!?" => revision
                "slug: one two three four five six seven eight nine ten eleven twelve" => one_two_three_four_five_six_seven_eight_nine_ten
                "slug: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz tail" => abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx
            "#]],
        );
    }

    #[test]
    fn generates_ids_from_utc_seconds() {
        // 0: the epoch; 951782400: 2000-02-29 (leap day of a century leap year); 4107542399:
        // 2100-02-28 23:59:59 (2100 is not a leap year); 1795262701: 2026-11-21 12:05:01; the last
        // two are clamped to the end of year 9999.
        check(
            "at 0: initial\n\
             at 951782400: leap day\n\
             at 4107542399: before march\n\
             at 4107542400: march\n\
             at 1795262701: add agents table\n\
             at 253402300799: last\n\
             at 18446744073709551615: far future",
            expect![[r#"
                "at 0: initial" => 19700101000000_initial
                "at 951782400: leap day" => 20000229000000_leap_day
                "at 4107542399: before march" => 21000228235959_before_march
                "at 4107542400: march" => 21000301000000_march
                "at 1795262701: add agents table" => 20261121120501_add_agents_table
                "at 253402300799: last" => 99991231235959_last
                "at 18446744073709551615: far future" => 99991231235959_far_future
            "#]],
        );
    }

    #[test]
    fn generated_ids_parse() {
        let id = RevisionId::generate(1_795_262_701, "Add agents table!");
        assert_eq!(RevisionId::parse(id.as_str()), Ok(id.clone()));
        assert_eq!(id.file_name(), "20261121120501_add_agents_table.sql");
    }
}
