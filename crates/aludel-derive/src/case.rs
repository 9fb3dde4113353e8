//! Name conversions: struct and enum names to snake_case (with `heck`), and the `rename_all`
//! rules for labels.

use heck::ToSnakeCase as _;

/// `UserAccount` → `user_account`, `HTTPRequest` → `http_request` (heck's word boundaries).
pub fn snake_case(name: &str) -> String {
    name.to_snake_case()
}

/// How enum labels are spelled when a variant has no `name = "..."`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RenameRule {
    Lower,
    Upper,
    Snake,
    ScreamingSnake,
    Kebab,
    Camel,
    Pascal,
}

impl RenameRule {
    pub const NAMES: &'static str = "\"lowercase\", \"UPPERCASE\", \"snake_case\", \"SCREAMING_SNAKE_CASE\", \"kebab-case\", \"camelCase\", \"PascalCase\"";

    pub fn parse(s: &str) -> Option<RenameRule> {
        Some(match s {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "camelCase" => RenameRule::Camel,
            "PascalCase" => RenameRule::Pascal,
            _ => return None,
        })
    }

    /// Applies the rule to a variant name written in PascalCase.
    pub fn apply(self, variant: &str) -> String {
        match self {
            RenameRule::Lower => variant.to_lowercase(),
            RenameRule::Upper => variant.to_uppercase(),
            RenameRule::Snake => snake_case(variant),
            RenameRule::ScreamingSnake => snake_case(variant).to_uppercase(),
            RenameRule::Kebab => snake_case(variant).replace('_', "-"),
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake() {
        let cases = [
            ("User", "user"),
            ("UserAccount", "user_account"),
            ("HTTPRequest", "http_request"),
            ("ApiKey2", "api_key2"),
            ("V2Thing", "v2_thing"),
            ("already_snake", "already_snake"),
            // heck's rules, where the hand-written conversion before it differed
            ("R2D2", "r2d2"),
            ("Foo__Bar", "foo_bar"),
        ];
        for (i, o) in cases {
            assert_eq!(snake_case(i), o, "{i}");
        }
    }

    #[test]
    fn rules() {
        let got: Vec<String> = [
            RenameRule::Lower,
            RenameRule::Upper,
            RenameRule::Snake,
            RenameRule::ScreamingSnake,
            RenameRule::Kebab,
            RenameRule::Camel,
            RenameRule::Pascal,
        ]
        .iter()
        .map(|r| r.apply("PowerBi"))
        .collect();
        assert_eq!(
            got,
            [
                "powerbi", "POWERBI", "power_bi", "POWER_BI", "power-bi", "powerBi", "PowerBi"
            ]
        );
    }
}
