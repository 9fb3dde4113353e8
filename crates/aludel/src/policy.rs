//! `PolicyBuilder`: a row-level security policy declared in the `Schema` rather than on a model,
//! for tables the application protects but does not own (Supabase's `storage.objects`); what
//! [`SchemaBuilder::policy`](crate::SchemaBuilder::policy) takes.

use aludel_schema::{Expr, Ident, Policy, PolicyCommand, PolicyId, QualifiedName};

/// A policy on a table named as text (`"storage.objects"`; without a schema, `public`): by
/// default `FOR ALL`, `PERMISSIVE`, `TO PUBLIC`, without clauses. The clause rules of
/// `CREATE POLICY` (and at least one clause) are checked when the `Schema` is built, as they
/// are at compile time for `#[aludel(policy(...))]`.
#[derive(Debug, Clone)]
pub struct PolicyBuilder {
    table: String,
    policy: Policy,
}

impl PolicyBuilder {
    pub fn new(table: &str, name: &str) -> Self {
        PolicyBuilder {
            table: table.to_owned(),
            policy: Policy {
                id: PolicyId {
                    table: QualifiedName::new("public", ""),
                    name: Ident::new(name),
                },
                permissive: true,
                command: PolicyCommand::All,
                roles: vec!["public".to_owned()],
                using: None,
                with_check: None,
                comment: None,
                depends_on: Vec::new(),
                renamed_from: None,
            },
        }
    }

    /// `FOR SELECT`, `INSERT`, `UPDATE`, `DELETE` or `ALL` (the default).
    pub fn command(mut self, command: PolicyCommand) -> Self {
        self.policy.command = command;
        self
    }

    /// `TO role, ...` in place of `PUBLIC`; `"public"` (any case) stands for every role. Role
    /// names are not checked against anything yet: a missing role fails when the policy is
    /// created.
    pub fn to<I, S>(mut self, roles: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.policy.roles = roles
            .into_iter()
            .map(|r| {
                let r: String = r.into();
                if r.eq_ignore_ascii_case("public") {
                    "public".to_owned()
                } else {
                    r
                }
            })
            .collect();
        self
    }

    /// `USING (...)`: the rows the policy lets commands see.
    pub fn using(mut self, sql: &str) -> Self {
        self.policy.using = Some(Expr::new(sql));
        self
    }

    /// `WITH CHECK (...)`: the rows the policy lets commands write.
    pub fn with_check(mut self, sql: &str) -> Self {
        self.policy.with_check = Some(Expr::new(sql));
        self
    }

    /// `AS RESTRICTIVE` (default `PERMISSIVE`).
    pub fn restrictive(mut self) -> Self {
        self.policy.permissive = false;
        self
    }

    /// `COMMENT ON POLICY`.
    pub fn comment(mut self, comment: &str) -> Self {
        self.policy.comment = Some(comment.to_owned());
        self
    }

    /// The policy's previous name on the same table: renamed in place.
    pub fn renamed_from(mut self, old: &str) -> Self {
        self.policy.renamed_from = Some(Ident::new(old));
        self
    }

    /// The IR policy, or the table text and why it is malformed.
    pub(crate) fn into_policy(self) -> Result<Policy, (String, &'static str)> {
        let PolicyBuilder { table, mut policy } = self;
        match crate::schema::parse_table_spec(&table, false) {
            Ok((name, _)) => {
                policy.id.table = name;
                policy.normalize();
                Ok(policy)
            }
            Err(reason) => Err((table, reason)),
        }
    }
}
