//! Expansion snapshots: the macros' output for representative inputs, pretty-printed.

use expect_test::{Expect, expect};

fn check(kind: &str, input: &str, want: Expect) {
    let input: syn::DeriveInput = syn::parse_str(input).expect("test input parses");
    let out = match kind {
        "model" => crate::expand::derive_model(&input),
        _ => crate::expand::derive_pg_enum(&input),
    };
    let file: syn::File = syn::parse2(out).expect("expansion parses as a file");
    want.assert_eq(&prettyplease::unparse(&file));
}

#[test]
fn model_with_constraints() {
    check(
        "model",
        r#"
        /// Accounts own agents.
        #[aludel(table = "accounts", index(columns(name(desc)), where = "name IS NOT NULL"))]
        struct Account {
            #[aludel(primary_key, identity = "always")]
            id: i64,
            #[aludel(unique, max_length = 80)]
            name: Option<String>,
            #[aludel(references = "plans(id)", on_delete = "set null")]
            plan_id: Option<i32>,
            #[aludel(sql_type = "jsonb", default = "'{}'")]
            config: Option<Config>,
            #[aludel(skip)]
            cache: (),
        }
        "#,
        expect![[r##"
            #[automatically_derived]
            impl ::aludel::Model for Account {
                fn table_name() -> ::aludel::ir::QualifiedName {
                    ::aludel::__private::qname("public", "accounts")
                }
                fn table() -> ::aludel::ir::Table {
                    Self::__aludel_describe(&mut ::std::vec::Vec::new())
                }
                fn enum_types() -> ::std::vec::Vec<::aludel::ir::EnumType> {
                    let mut enums = ::std::vec::Vec::new();
                    Self::__aludel_describe(&mut enums);
                    enums
                }
            }
            impl Account {
                /// The table, adding the enum types its columns use to `enums`.
                #[doc(hidden)]
                #[allow(clippy::ptr_arg, unused_variables)]
                fn __aludel_describe(
                    enums: &mut ::std::vec::Vec<::aludel::ir::EnumType>,
                ) -> ::aludel::ir::Table {
                    use ::aludel::__private as __a;
                    let mut table = __a::Table::new(<Self as ::aludel::Model>::table_name());
                    table.comment = __a::Some(__a::String::from("Accounts own agents."));
                    table
                        .columns
                        .push({
                            let mut c = ::aludel::__private::column::<i64>("id", enums);
                            c.nullable = false;
                            c.identity = __a::Some(__a::identity(__a::IdentityKind::Always));
                            c
                        });
                    table
                        .columns
                        .push({
                            let mut c = ::aludel::__private::column::<Option<String>>("name", enums);
                            ::aludel::__private::assert_length::<Option<String>>();
                            c.ty = __a::with_max_length(c.ty, 80u32);
                            c
                        });
                    table.columns.push(::aludel::__private::column::<Option<i32>>("plan_id", enums));
                    table
                        .columns
                        .push({
                            let mut c = __a::column_sql("config", "jsonb", true);
                            c.default = __a::Some(__a::expr("'{}'"));
                            c
                        });
                    table.primary_key = __a::Some(__a::primary_key("accounts_pkey", &["id"]));
                    table.uniques.push(__a::unique("accounts_name_key", &["name"], false, &[]));
                    table
                        .foreign_keys
                        .push(
                            __a::foreign_key(
                                "accounts_plan_id_fkey",
                                &["plan_id"],
                                __a::qname("public", "plans"),
                                &["id"],
                                __a::set_null(&[]),
                                __a::FkAction::NoAction,
                                __a::Deferrable::NotDeferrable,
                            ),
                        );
                    table
                        .indexes
                        .push({
                            let mut ix = __a::index("accounts_name_idx", "btree", false);
                            ix.keys
                                .push(
                                    __a::index_key(
                                        __a::key_column("name"),
                                        true,
                                        __a::None,
                                        __a::None,
                                        __a::None,
                                    ),
                                );
                            ix.predicate = __a::Some(__a::expr("name IS NOT NULL"));
                            ix
                        });
                    table
                }
            }
        "##]],
    );
}

#[test]
fn pg_enum() {
    check(
        "enum",
        r#"
        #[aludel(rename_all = "snake_case", renamed_from = "old_mood")]
        enum Mood {
            Happy,
            #[aludel(name = "so-so", renamed_from = "meh")]
            SoSo,
        }
        "#,
        expect![[r##"
            #[automatically_derived]
            impl ::aludel::PgEnum for Mood {
                fn enum_type() -> ::aludel::ir::EnumType {
                    use ::aludel::__private as __a;
                    __a::EnumType {
                        name: __a::qname("public", "mood"),
                        values: __a::Vec::from([
                            __a::enum_value("happy", __a::None),
                            __a::enum_value("so-so", __a::Some("meh")),
                        ]),
                        comment: __a::None,
                        renamed_from: __a::Some(__a::qname("public", "old_mood")),
                    }
                }
            }
            #[automatically_derived]
            impl ::aludel::SqlType for Mood {
                fn column_type() -> ::aludel::ir::ColumnType {
                    ::aludel::ir::ColumnType::Enum {
                        name: ::aludel::__private::qname("public", "mood"),
                    }
                }
                fn enum_types(out: &mut ::std::vec::Vec<::aludel::ir::EnumType>) {
                    ::aludel::__private::push_enum(out, <Self as ::aludel::PgEnum>::enum_type());
                }
            }
        "##]],
    );
}

/// Struct-level keys, with PostgreSQL's default names: a check on one column is named after it,
/// INCLUDE columns are part of an index's name.
#[test]
fn model_with_struct_level_keys() {
    check(
        "model",
        r#"
        #[aludel(
            schema = "app",
            primary_key(tenant, id),
            unique(tenant, code, include(id)),
            check(expr = "code <> ''"),
            check(expr = "tenant < id"),
            foreign_key(columns(tenant), references = "tenants(id)", on_update = "cascade", deferrable),
            index(columns(code(desc)), expr = "lower(code)", method = "btree", include(id))
        )]
        struct Item {
            tenant: i32,
            id: i64,
            #[aludel(sql_type = "citext")]
            code: String,
        }
        "#,
        expect![[r##"
            #[automatically_derived]
            impl ::aludel::Model for Item {
                fn table_name() -> ::aludel::ir::QualifiedName {
                    ::aludel::__private::qname("app", "item")
                }
                fn table() -> ::aludel::ir::Table {
                    Self::__aludel_describe(&mut ::std::vec::Vec::new())
                }
                fn enum_types() -> ::std::vec::Vec<::aludel::ir::EnumType> {
                    let mut enums = ::std::vec::Vec::new();
                    Self::__aludel_describe(&mut enums);
                    enums
                }
            }
            impl Item {
                /// The table, adding the enum types its columns use to `enums`.
                #[doc(hidden)]
                #[allow(clippy::ptr_arg, unused_variables)]
                fn __aludel_describe(
                    enums: &mut ::std::vec::Vec<::aludel::ir::EnumType>,
                ) -> ::aludel::ir::Table {
                    use ::aludel::__private as __a;
                    let mut table = __a::Table::new(<Self as ::aludel::Model>::table_name());
                    table
                        .columns
                        .push({
                            let mut c = ::aludel::__private::column::<i32>("tenant", enums);
                            c.nullable = false;
                            c
                        });
                    table
                        .columns
                        .push({
                            let mut c = ::aludel::__private::column::<i64>("id", enums);
                            c.nullable = false;
                            c
                        });
                    table.columns.push(__a::column_sql("code", "citext", false));
                    table.primary_key = __a::Some(__a::primary_key("item_pkey", &["tenant", "id"]));
                    table
                        .uniques
                        .push(
                            __a::unique(
                                "item_tenant_code_id_key",
                                &["tenant", "code"],
                                false,
                                &["id"],
                            ),
                        );
                    table.checks.push(__a::check("item_code_check", "code <> ''"));
                    table.checks.push(__a::check("item_check", "tenant < id"));
                    table
                        .foreign_keys
                        .push(
                            __a::foreign_key(
                                "item_tenant_fkey",
                                &["tenant"],
                                __a::qname("app", "tenants"),
                                &["id"],
                                __a::FkAction::NoAction,
                                __a::FkAction::Cascade,
                                __a::Deferrable::InitiallyImmediate,
                            ),
                        );
                    table
                        .indexes
                        .push({
                            let mut ix = __a::index("item_code_lower_id_idx", "btree", false);
                            ix.keys
                                .push(
                                    __a::index_key(
                                        __a::key_column("code"),
                                        true,
                                        __a::None,
                                        __a::None,
                                        __a::None,
                                    ),
                                );
                            ix.keys
                                .push(
                                    __a::index_key(
                                        __a::key_expr("lower(code)"),
                                        false,
                                        __a::None,
                                        __a::None,
                                        __a::None,
                                    ),
                                );
                            ix.include = __a::idents(&["id"]);
                            ix
                        });
                    table
                }
            }
        "##]],
    );
}

#[test]
fn errors_come_with_a_stub() {
    check(
        "model",
        r#"
        #[aludel(tabel = "x")]
        struct T {
            #[aludel(identity = "always", default = "1")]
            id: i64,
        }
        "#,
        expect![[r#"
            ::core::compile_error! {
                "unknown aludel attribute `tabel` on a model struct\n\nhelp: the attributes allowed here are `table`, `schema`, `comment`, `renamed_from`, `primary_key(...)`, `unique(...)`, `check(...)`, `foreign_key(...)`, `index(...)`, `trigger(...)`, `row_level_security`, `force_row_level_security`, `policy(...)`"
            }
            ::core::compile_error! {
                "`identity` conflicts with `default`\n\nhelp: an identity column takes its values from its sequence: remove `default`, or `identity`"
            }
            #[automatically_derived]
            impl ::aludel::Model for T {
                fn table_name() -> ::aludel::ir::QualifiedName {
                    ::core::unimplemented!("the aludel derive failed")
                }
                fn table() -> ::aludel::ir::Table {
                    ::core::unimplemented!("the aludel derive failed")
                }
            }
        "#]],
    );
}

/// The SQL of each `trigger(...)` of a model, one per line.
fn trigger_sql(input: &str) -> String {
    let input: syn::DeriveInput = syn::parse_str(input).expect("test input parses");
    let mut cx = crate::ctxt::Ctxt::default();
    let ast = crate::ast::ModelInput::parse(&input, &mut cx).expect("a model");
    let def = crate::valid::model(ast, &mut cx);
    if let Err(e) = cx.finish() {
        panic!("errors: {e}");
    }
    let lines: Vec<String> = def
        .triggers
        .iter()
        .map(crate::expand::trigger_sql)
        .collect();
    lines.join("\n")
}

#[test]
fn triggers_as_sql() {
    let sql = trigger_sql(
        r#"
        #[aludel(schema = "app", table = "Agents",
                 trigger(function = "public.set_updated_at", before = "update"),
                 trigger(function = "audit.log", after = "insert or update of status, \"Name\" or delete",
                         args = ["agents", "it's"], when = "OLD.status IS DISTINCT FROM NEW.status",
                         name = "agents_audit", comment = "who changed what", renamed_from = "Old"),
                 trigger(function = "notify", after = "truncate or insert", for_each = "statement"))]
        struct Agent {
            #[aludel(primary_key)]
            id: i64,
            status: String,
            #[aludel(name = "Name")]
            name: String,
        }
        "#,
    );
    expect![[r#"
        CREATE TRIGGER "Agents_set_updated_at" BEFORE UPDATE ON app."Agents" FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
        -- aludel: renamed_from "Old"
        CREATE TRIGGER agents_audit AFTER INSERT OR UPDATE OF status, "Name" OR DELETE ON app."Agents" FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION audit.log('agents', 'it''s'); COMMENT ON TRIGGER agents_audit ON app."Agents" IS 'who changed what';
        CREATE TRIGGER "Agents_notify" AFTER TRUNCATE OR INSERT ON app."Agents" FOR EACH STATEMENT EXECUTE FUNCTION app.notify();"#]]
    .assert_eq(&sql);
}

#[test]
fn model_with_a_trigger() {
    check(
        "model",
        r#"
        #[aludel(table = "agents", trigger(function = "public.set_updated_at", before = "update"))]
        struct Agent {
            #[aludel(primary_key)]
            id: i64,
        }
        "#,
        expect![[r##"
            #[automatically_derived]
            impl ::aludel::Model for Agent {
                fn table_name() -> ::aludel::ir::QualifiedName {
                    ::aludel::__private::qname("public", "agents")
                }
                fn table() -> ::aludel::ir::Table {
                    Self::__aludel_describe(&mut ::std::vec::Vec::new())
                }
                fn enum_types() -> ::std::vec::Vec<::aludel::ir::EnumType> {
                    let mut enums = ::std::vec::Vec::new();
                    Self::__aludel_describe(&mut enums);
                    enums
                }
                fn triggers() -> ::std::vec::Vec<::aludel::ir::SqlSource> {
                    use ::aludel::__private as __a;
                    __a::Vec::from([
                        __a::sql_source(
                            ::core::file!(),
                            ::core::line!() as usize,
                            "CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();",
                        ),
                    ])
                }
            }
            impl Agent {
                /// The table, adding the enum types its columns use to `enums`.
                #[doc(hidden)]
                #[allow(clippy::ptr_arg, unused_variables)]
                fn __aludel_describe(
                    enums: &mut ::std::vec::Vec<::aludel::ir::EnumType>,
                ) -> ::aludel::ir::Table {
                    use ::aludel::__private as __a;
                    let mut table = __a::Table::new(<Self as ::aludel::Model>::table_name());
                    table
                        .columns
                        .push({
                            let mut c = ::aludel::__private::column::<i64>("id", enums);
                            c.nullable = false;
                            c
                        });
                    table.primary_key = __a::Some(__a::primary_key("agents_pkey", &["id"]));
                    table
                }
            }
        "##]],
    );
}

#[test]
fn model_with_row_level_security_and_policies() {
    check(
        "model",
        r#"
        #[aludel(table = "notes", schema = "app", row_level_security,
                 policy(name = "notes_read", command = "select", to = ["authenticated", "PUBLIC"],
                        using = "owner = auth.uid()", comment = "own rows"),
                 policy(name = "notes_write", restrictive, using = "true", with_check = "owner = auth.uid()",
                        renamed_from = "notes_rw"))]
        struct Note {
            id: i64,
        }
        "#,
        expect![[r##"
            #[automatically_derived]
            impl ::aludel::Model for Note {
                fn table_name() -> ::aludel::ir::QualifiedName {
                    ::aludel::__private::qname("app", "notes")
                }
                fn table() -> ::aludel::ir::Table {
                    Self::__aludel_describe(&mut ::std::vec::Vec::new())
                }
                fn enum_types() -> ::std::vec::Vec<::aludel::ir::EnumType> {
                    let mut enums = ::std::vec::Vec::new();
                    Self::__aludel_describe(&mut enums);
                    enums
                }
                fn policies() -> ::std::vec::Vec<::aludel::ir::Policy> {
                    use ::aludel::__private as __a;
                    __a::Vec::from([
                        __a::policy(
                            __a::qname("app", "notes"),
                            "notes_read",
                            true,
                            __a::PolicyCommand::Select,
                            &["authenticated", "public"],
                            __a::Some(__a::String::from("owner = auth.uid()")),
                            __a::None,
                            __a::Some(__a::String::from("own rows")),
                            __a::None,
                        ),
                        __a::policy(
                            __a::qname("app", "notes"),
                            "notes_write",
                            false,
                            __a::PolicyCommand::All,
                            &["public"],
                            __a::Some(__a::String::from("true")),
                            __a::Some(__a::String::from("owner = auth.uid()")),
                            __a::None,
                            __a::Some(__a::String::from("notes_rw")),
                        ),
                    ])
                }
            }
            impl Note {
                /// The table, adding the enum types its columns use to `enums`.
                #[doc(hidden)]
                #[allow(clippy::ptr_arg, unused_variables)]
                fn __aludel_describe(
                    enums: &mut ::std::vec::Vec<::aludel::ir::EnumType>,
                ) -> ::aludel::ir::Table {
                    use ::aludel::__private as __a;
                    let mut table = __a::Table::new(<Self as ::aludel::Model>::table_name());
                    table.columns.push(::aludel::__private::column::<i64>("id", enums));
                    table.row_security.enabled = true;
                    table
                }
            }
        "##]],
    );
}
