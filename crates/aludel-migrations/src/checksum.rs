//! Checksums of migration files: SHA-256 over the content with line endings normalised, so a
//! checkout with CRLF line endings does not look like an edit.

use std::borrow::Cow;
use std::fmt;

use sha2::{Digest, Sha256};

/// The SHA-256 of a file's content with CRLF and lone CR turned into LF, as 64 lowercase hex
/// digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Checksum(String);

impl Checksum {
    /// The checksum of a file's content.
    pub fn of(content: &str) -> Checksum {
        let digest = Sha256::digest(normalize_line_endings(content).as_bytes());
        let mut hex = String::with_capacity(64);
        for byte in digest {
            hex.push(char::from(HEX[usize::from(byte >> 4)]));
            hex.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        Checksum(hex)
    }

    /// The 64 lowercase hex digits, as stored in the version table.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Checksum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `text` with every CRLF and every lone CR turned into LF.
pub(crate) fn normalize_line_endings(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(content: &str, expect: Expect) {
        expect.assert_eq(Checksum::of(content).as_str());
    }

    #[test]
    fn known_digests() {
        check(
            "",
            expect!["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
        );
        check(
            "abc",
            expect!["ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
        );
    }

    #[test]
    fn line_endings_do_not_change_the_checksum() {
        let lf = Checksum::of("-- aludel: upgrade\nSELECT 1;\n");
        assert_eq!(Checksum::of("-- aludel: upgrade\r\nSELECT 1;\r\n"), lf);
        assert_eq!(Checksum::of("-- aludel: upgrade\rSELECT 1;\r"), lf);
        assert_eq!(Checksum::of("-- aludel: upgrade\r\nSELECT 1;\n"), lf);
        check(
            "-- aludel: upgrade\r\nSELECT 1;\r\n",
            expect!["9659b30923a26ab0af006065f4b5da9f6ca7dcc6a004e50390db4645fa7161be"],
        );
    }

    #[test]
    fn content_changes_change_the_checksum() {
        let base = Checksum::of("SELECT 1;\n");
        assert_ne!(Checksum::of("SELECT 2;\n"), base);
        assert_ne!(Checksum::of("SELECT 1;\n\n"), base);
        assert_ne!(Checksum::of("SELECT 1; \n"), base);
    }

    #[test]
    fn normalises_line_endings() {
        let render = |s: &str| format!("{:?}", normalize_line_endings(s));
        expect![[r#""a\nb\n\nc\nd\n""#]].assert_eq(&render("a\r\nb\r\rc\nd\r"));
        expect![[r#""\n\n""#]].assert_eq(&render("\r\n\n"));
    }
}
