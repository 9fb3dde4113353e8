//! `aludel::testing` (cargo feature `testing`): a test database straight from the models,
//! without migrations. [`create_all`] and [`drop_all`] take the application's [`crate::Schema`]
//! (or an IR schema), and a URL, a `&PgPool` or a `&mut PgConnection`.
//!
//! ```no_run
//! # async fn demo(schema: &aludel::Schema) -> Result<(), aludel::testing::Error> {
//! let url = "postgres://postgres@localhost/app_test";
//! aludel::testing::create_all(url, schema).await?;
//! // ... the test ...
//! aludel::testing::drop_all(url, schema).await?;
//! # Ok(())
//! # }
//! ```
//!
//! External tables ([`crate::SchemaBuilder::external_table`]) are neither created nor dropped:
//! create them first, as the real database has them. The policies declared on them
//! ([`crate::SchemaBuilder::policy`]) are created and dropped.

pub use aludel_testing::{
    Containers, Declared, Error, Target, create_all, drop_all, plan_create, plan_drop,
};

/// The facade's schema is created through its IR ([`crate::Schema::ir`]).
impl Declared for crate::Schema {
    fn ir(&self) -> &aludel_schema::Schema {
        crate::Schema::ir(self)
    }
}
