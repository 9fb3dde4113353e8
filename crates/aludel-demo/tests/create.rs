//! The demo models on a live server: `create_all` builds them on an empty database (with the
//! external `auth.users` created first, as the auth provider would), the result is the DDL
//! snapshot below (the declared SQL objects included), and `drop_all` leaves only the external
//! objects.

use aludel_introspect::{Options, introspect};
use aludel_pg::testing::TestDb;
use expect_test::expect;

/// What the auth provider owns before the application's migrations run.
const AUTH: &str = "CREATE SCHEMA auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text NOT NULL);";

async fn read(db: &TestDb) -> aludel::ir::Schema {
    let mut conn = db.connect().await;
    introspect(&mut conn, &Options::default())
        .await
        .expect("introspection")
        .schema
}

#[test]
fn the_schema_builds() {
    let schema = aludel_demo::schema();
    let ir = schema.ir();
    assert_eq!(ir.tables.len(), 11);
    assert_eq!(ir.enums.len(), 4);
    let sql: Vec<&str> = ir.declared_sql.iter().map(|s| s.origin.as_str()).collect();
    assert_eq!(
        sql,
        [
            "sql/set_updated_at.sql",
            "sql/active_agents.sql",
            "sql/daily_usage.sql",
            // the triggers of `Agent` and `Workflow`
            "crates/aludel-demo/src/agents.rs",
            "crates/aludel-demo/src/agents.rs",
        ]
    );
    assert_eq!(
        schema
            .external_tables()
            .keys()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["auth.users"]
    );
}

#[tokio::test]
async fn create_all_then_drop_all() {
    let db = TestDb::new().await;
    db.execute(AUTH).await;
    let before = read(&db).await;

    let schema = aludel_demo::schema();
    aludel::testing::create_all(db.url(), &schema)
        .await
        .unwrap_or_else(|e| panic!("create_all: {e}"));
    let created = read(&db).await;
    expect![[r#"
        CREATE SCHEMA IF NOT EXISTS auth;

        CREATE SCHEMA IF NOT EXISTS billing;

        CREATE SCHEMA IF NOT EXISTS public;

        CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

        CREATE TYPE billing.subscription_state AS ENUM ('trialing', 'active', 'past_due', 'cancelled');

        CREATE TYPE public.api_scope AS ENUM ('agents-read', 'agents-write', 'workflows-run', '*');

        CREATE TYPE public.connection_type AS ENUM ('POWERBI', 'DB');

        CREATE TYPE public.execution_status AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled');

        CREATE SEQUENCE billing.subscription_number_seq AS bigint START WITH 1000;

        SET check_function_bodies = false;

        CREATE OR REPLACE FUNCTION public.set_updated_at()
         RETURNS trigger
         LANGUAGE plpgsql
        AS $function$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END
        $function$;

        CREATE TABLE auth.users (
            id uuid NOT NULL,
            email text NOT NULL,
            CONSTRAINT users_pkey PRIMARY KEY (id)
        );

        CREATE TABLE billing.plans (
            id integer GENERATED ALWAYS AS IDENTITY NOT NULL,
            code character varying(50) NOT NULL,
            name text NOT NULL,
            monthly_price numeric(10,2) NOT NULL,
            yearly_price numeric(10,2) GENERATED ALWAYS AS ((monthly_price * (10)::numeric)) STORED,
            max_agents smallint NOT NULL,
            is_public boolean DEFAULT true NOT NULL,
            CONSTRAINT plans_pkey PRIMARY KEY (id),
            CONSTRAINT plans_code_key UNIQUE (code),
            CONSTRAINT plans_max_agents_check CHECK ((max_agents > 0)),
            CONSTRAINT plans_monthly_price_check CHECK ((monthly_price >= (0)::numeric))
        );

        CREATE TABLE billing.subscriptions (
            id uuid DEFAULT gen_random_uuid() NOT NULL,
            number bigint DEFAULT nextval('billing.subscription_number_seq'::regclass) NOT NULL,
            account_id uuid NOT NULL,
            plan_id integer NOT NULL,
            state billing.subscription_state DEFAULT 'trialing'::billing.subscription_state NOT NULL,
            starts_on date NOT NULL,
            ends_on date,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT subscriptions_pkey PRIMARY KEY (id),
            CONSTRAINT subscriptions_number_key UNIQUE (number),
            CONSTRAINT subscriptions_period CHECK (((ends_on IS NULL) OR (ends_on > starts_on)))
        );

        CREATE TABLE billing.usage_records (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            subscription_id uuid NOT NULL,
            agent_id uuid,
            metric character varying(64) NOT NULL,
            period_start date NOT NULL,
            quantity bigint DEFAULT 0 NOT NULL,
            recorded_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT usage_records_pkey PRIMARY KEY (id),
            CONSTRAINT usage_records_quantity_nonnegative CHECK ((quantity >= 0))
        );

        CREATE TABLE public.accounts (
            id uuid DEFAULT gen_random_uuid() NOT NULL,
            name character varying(200) NOT NULL,
            slug character varying(63) NOT NULL,
            owner_id uuid,
            billing_contact_id uuid,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT accounts_pkey PRIMARY KEY (id),
            CONSTRAINT accounts_slug_uq UNIQUE (slug),
            CONSTRAINT accounts_slug_format CHECK (((slug)::text ~ '^[a-z0-9-]+$'::text))
        );

        CREATE TABLE public.agent_versions (
            agent_id uuid NOT NULL,
            version integer NOT NULL,
            prompt text NOT NULL,
            parameters jsonb,
            created_by uuid,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT agent_versions_pkey PRIMARY KEY (agent_id, version),
            CONSTRAINT agent_versions_version_check CHECK ((version > 0))
        );

        CREATE TABLE public.agents (
            id uuid DEFAULT gen_random_uuid() NOT NULL,
            account_id uuid NOT NULL,
            name character varying(255) NOT NULL,
            slug character varying(100) COLLATE pg_catalog."C" NOT NULL,
            description text,
            model_type character varying(100),
            system_instructions text,
            connection_type public.connection_type DEFAULT 'DB'::public.connection_type NOT NULL,
            connection_config jsonb DEFAULT '{}'::jsonb NOT NULL,
            temperature real DEFAULT 0.7 NOT NULL,
            tags text[] DEFAULT '{}'::text[] NOT NULL,
            is_active boolean DEFAULT true NOT NULL,
            created_by uuid,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            updated_at timestamp with time zone,
            CONSTRAINT agents_pkey PRIMARY KEY (id),
            CONSTRAINT agents_temperature_range CHECK (((temperature >= (0)::double precision) AND (temperature <= (2)::double precision)))
        );

        CREATE TABLE public.api_keys (
            id uuid DEFAULT gen_random_uuid() NOT NULL,
            account_id uuid NOT NULL,
            name character varying(100) NOT NULL,
            key_hash bytea NOT NULL,
            prefix character(8) NOT NULL,
            scopes public.api_scope[] DEFAULT '{}'::public.api_scope[] NOT NULL,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            last_used_at timestamp with time zone,
            expires_at timestamp with time zone,
            revoked_at timestamp with time zone,
            CONSTRAINT api_keys_pk PRIMARY KEY (id),
            CONSTRAINT api_keys_check CHECK (((expires_at IS NULL) OR (expires_at > created_at))),
            CONSTRAINT api_keys_hash_length CHECK ((octet_length(key_hash) = 32))
        );

        CREATE TABLE public.audit_logs (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            account_id uuid NOT NULL,
            actor_id uuid,
            action character varying(100) NOT NULL,
            payload jsonb,
            ip_address inet,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            CONSTRAINT audit_logs_pkey PRIMARY KEY (id)
        );

        CREATE TABLE public.executions (
            id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
            workflow_id bigint NOT NULL,
            agent_id uuid NOT NULL,
            agent_version integer NOT NULL,
            status public.execution_status DEFAULT 'pending'::public.execution_status NOT NULL,
            started_at timestamp(3) with time zone DEFAULT now() NOT NULL,
            finished_at timestamp(3) with time zone,
            cost_usd numeric(12,6),
            tokens bigint DEFAULT 0 NOT NULL,
            score double precision,
            error text,
            CONSTRAINT executions_pkey PRIMARY KEY (id),
            CONSTRAINT executions_check CHECK (((finished_at IS NULL) OR (finished_at >= started_at))),
            CONSTRAINT executions_score_check CHECK (((score >= (0)::double precision) AND (score <= (1)::double precision))),
            CONSTRAINT executions_tokens_nonnegative CHECK ((tokens >= 0))
        );

        CREATE TABLE public.users (
            id uuid DEFAULT gen_random_uuid() NOT NULL,
            account_id uuid NOT NULL,
            auth_user_id uuid,
            email public.citext NOT NULL,
            display_name character varying(200),
            invited_by uuid,
            time_zone text DEFAULT 'UTC'::text NOT NULL,
            created_at timestamp with time zone DEFAULT now() NOT NULL,
            deleted_at timestamp with time zone,
            CONSTRAINT users_pkey PRIMARY KEY (id),
            CONSTRAINT users_account_email_key UNIQUE (account_id, email) INCLUDE (id),
            CONSTRAINT users_auth_user_id_key UNIQUE (auth_user_id)
        );

        CREATE TABLE public.workflows (
            id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
            agent_id uuid NOT NULL,
            parent_id bigint,
            name character varying(200) NOT NULL,
            definition jsonb NOT NULL,
            "position" smallint DEFAULT 0 NOT NULL,
            updated_at timestamp with time zone,
            CONSTRAINT workflows_pkey PRIMARY KEY (id),
            CONSTRAINT workflows_agent_id_parent_id_name_key UNIQUE NULLS NOT DISTINCT (agent_id, parent_id, name)
        );

        CREATE UNIQUE INDEX subscriptions_one_open_per_account ON billing.subscriptions USING btree (account_id) WHERE (ends_on IS NULL);

        CREATE INDEX usage_records_agent_id_idx ON billing.usage_records USING btree (agent_id);

        CREATE UNIQUE INDEX usage_records_bucket_key ON billing.usage_records USING btree (subscription_id, metric, period_start, agent_id) NULLS NOT DISTINCT;

        CREATE UNIQUE INDEX agents_account_lower_name_key ON public.agents USING btree (account_id, (lower((name)::text)));

        CREATE INDEX agents_active_idx ON public.agents USING btree (account_id) WHERE is_active;

        CREATE INDEX agents_config_idx ON public.agents USING gin (connection_config pg_catalog.jsonb_path_ops);

        CREATE INDEX agents_created_by_idx ON public.agents USING btree (created_by);

        CREATE INDEX agents_name_prefix_idx ON public.agents USING btree (name pg_catalog.text_pattern_ops);

        CREATE INDEX agents_tags_idx ON public.agents USING gin (tags);

        CREATE INDEX api_keys_account_id_idx ON public.api_keys USING btree (account_id);

        CREATE INDEX api_keys_last_used_at_idx ON public.api_keys USING btree (last_used_at NULLS FIRST);

        CREATE UNIQUE INDEX api_keys_prefix_active_idx ON public.api_keys USING btree (prefix) WHERE (revoked_at IS NULL);

        CREATE INDEX audit_logs_account_created_idx ON public.audit_logs USING btree (account_id, created_at DESC) INCLUDE (action);

        CREATE INDEX audit_logs_action_prefix_idx ON public.audit_logs USING btree (action COLLATE pg_catalog."C");

        CREATE INDEX audit_logs_actor_id_idx ON public.audit_logs USING btree (actor_id);

        CREATE INDEX executions_finished_at_idx ON public.executions USING btree (finished_at DESC NULLS LAST);

        CREATE INDEX executions_running_idx ON public.executions USING btree (workflow_id, started_at DESC) WHERE (status = 'running'::public.execution_status);

        CREATE INDEX users_account_id_idx ON public.users USING btree (account_id);

        CREATE INDEX users_display_name_lower_idx ON public.users USING btree ((lower((display_name)::text)));

        CREATE INDEX workflows_parent_id_idx ON public.workflows USING btree (parent_id);

        ALTER TABLE billing.subscriptions ADD CONSTRAINT subscriptions_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        ALTER TABLE billing.subscriptions ADD CONSTRAINT subscriptions_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES billing.plans (id) ON DELETE RESTRICT;

        ALTER TABLE billing.usage_records ADD CONSTRAINT usage_records_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES public.agents (id) ON DELETE SET NULL;

        ALTER TABLE billing.usage_records ADD CONSTRAINT usage_records_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES billing.subscriptions (id) ON DELETE CASCADE;

        ALTER TABLE public.accounts ADD CONSTRAINT accounts_billing_contact_id_fkey FOREIGN KEY (billing_contact_id) REFERENCES public.users (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

        ALTER TABLE public.accounts ADD CONSTRAINT accounts_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES auth.users (id) ON DELETE SET NULL;

        ALTER TABLE public.agent_versions ADD CONSTRAINT agent_versions_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES public.agents (id) ON DELETE CASCADE;

        ALTER TABLE public.agent_versions ADD CONSTRAINT agent_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users (id) ON DELETE SET NULL;

        ALTER TABLE public.agents ADD CONSTRAINT agents_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        ALTER TABLE public.agents ADD CONSTRAINT agents_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users (id) ON DELETE SET NULL;

        ALTER TABLE public.api_keys ADD CONSTRAINT api_keys_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        ALTER TABLE public.audit_logs ADD CONSTRAINT audit_logs_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        ALTER TABLE public.audit_logs ADD CONSTRAINT audit_logs_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.users (id) ON DELETE SET NULL;

        ALTER TABLE public.executions ADD CONSTRAINT executions_agent_version_fkey FOREIGN KEY (agent_id, agent_version) REFERENCES public.agent_versions (agent_id, version) ON UPDATE CASCADE ON DELETE RESTRICT;

        ALTER TABLE public.executions ADD CONSTRAINT executions_workflow_id_fkey FOREIGN KEY (workflow_id) REFERENCES public.workflows (id) ON DELETE CASCADE;

        ALTER TABLE public.users ADD CONSTRAINT users_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;

        ALTER TABLE public.users ADD CONSTRAINT users_auth_user_id_fkey FOREIGN KEY (auth_user_id) REFERENCES auth.users (id) ON DELETE CASCADE;

        ALTER TABLE public.users ADD CONSTRAINT users_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES public.users (id) ON DELETE SET NULL;

        ALTER TABLE public.workflows ADD CONSTRAINT workflows_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES public.agents (id) ON DELETE CASCADE;

        ALTER TABLE public.workflows ADD CONSTRAINT workflows_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.workflows (id) ON DELETE CASCADE;

        CREATE MATERIALIZED VIEW billing.daily_usage AS
         SELECT usage_records.subscription_id,
            usage_records.metric,
            (usage_records.recorded_at AT TIME ZONE 'UTC'::text)::date AS day,
            sum(usage_records.quantity) AS quantity,
            count(*) AS records
           FROM billing.usage_records
          GROUP BY usage_records.subscription_id, usage_records.metric, ((usage_records.recorded_at AT TIME ZONE 'UTC'::text)::date);
        CREATE UNIQUE INDEX daily_usage_key ON billing.daily_usage USING btree (subscription_id, metric, day);

        CREATE VIEW public.active_agents WITH (security_invoker=true) AS
         SELECT agents.id,
            agents.account_id,
            agents.name,
            agents.slug,
            agents.model_type,
            agents.created_at,
            agents.updated_at
           FROM public.agents
          WHERE agents.is_active;

        CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

        CREATE TRIGGER workflows_set_updated_at BEFORE UPDATE ON public.workflows FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

        COMMENT ON SCHEMA public IS 'standard public schema';
        COMMENT ON TYPE billing.subscription_state IS 'The state of a subscription, kept by the billing provider''s webhooks.';
        COMMENT ON TYPE public.api_scope IS 'permissions granted to an API key';
        COMMENT ON TYPE public.connection_type IS 'Where an agent gets its data from.';
        COMMENT ON TYPE public.execution_status IS 'The life cycle of one execution.';
        COMMENT ON SEQUENCE billing.subscription_number_seq IS 'human-readable subscription numbers';
        COMMENT ON TABLE billing.plans IS 'What an account can buy.';
        COMMENT ON COLUMN billing.plans.code IS 'Stable code used by the billing provider, such as `pro-2024`.';
        COMMENT ON COLUMN billing.plans.yearly_price IS 'Twelve months for the price of ten.';
        COMMENT ON COLUMN billing.plans.max_agents IS 'How many agents an account on this plan may have.';
        COMMENT ON TABLE billing.subscriptions IS 'An account''s subscription to a plan, for a period.';
        COMMENT ON COLUMN billing.subscriptions.number IS 'Shown on invoices.';
        COMMENT ON TABLE billing.usage_records IS 'Metered usage per subscription, metric, day and agent (NULL: not attributable to an agent).';
        COMMENT ON COLUMN billing.usage_records.metric IS 'Such as `tokens`, `executions`, `storage_gb`.';
        COMMENT ON TABLE public.accounts IS 'A customer organisation: the tenant that owns agents, workflows, keys and subscriptions.';
        COMMENT ON COLUMN public.accounts.name IS 'Display name, as the customer typed it.';
        COMMENT ON COLUMN public.accounts.slug IS 'Used in URLs: lower-case letters, digits and dashes.';
        COMMENT ON COLUMN public.accounts.owner_id IS 'The person who signed the account up (a row of the auth provider).';
        COMMENT ON COLUMN public.accounts.billing_contact_id IS 'Who receives invoices.';
        COMMENT ON TABLE public.agent_versions IS 'An immutable snapshot of an agent''s prompt; executions record the version they ran.';
        COMMENT ON COLUMN public.agent_versions.version IS '1, 2, 3, ... per agent.';
        COMMENT ON COLUMN public.agent_versions.parameters IS 'Model parameters at the time (temperature, max tokens, ...).';
        COMMENT ON TABLE public.agents IS 'An AI agent an account configures: a model, its instructions and a data connection.';
        COMMENT ON COLUMN public.agents.slug IS 'Stable identifier in URLs, compared byte-wise.';
        COMMENT ON COLUMN public.agents.model_type IS 'The model the agent calls, such as `gpt-4o`.';
        COMMENT ON COLUMN public.agents.connection_config IS 'Connection settings for `connection_type`; secrets live in the vault, not here.';
        COMMENT ON COLUMN public.agents.temperature IS 'Sampling temperature.';
        COMMENT ON COLUMN public.agents.updated_at IS 'Set by the `agents_set_updated_at` trigger (`sql/set_updated_at.sql`).';
        COMMENT ON TABLE public.api_keys IS 'A key for the public API. Only a hash is stored; the prefix identifies the key in lists.';
        COMMENT ON COLUMN public.api_keys.id IS 'The name comes from the first schema, written by hand before autogen existed.';
        COMMENT ON COLUMN public.api_keys.key_hash IS 'SHA-256 of the secret.';
        COMMENT ON COLUMN public.api_keys.prefix IS 'The first eight characters of the key, shown in lists.';
        COMMENT ON COLUMN public.api_keys.last_used_at IS 'NULL for a key never used.';
        COMMENT ON TABLE public.audit_logs IS 'Who did what, when: append-only.';
        COMMENT ON COLUMN public.audit_logs.actor_id IS 'The user who acted; NULL for the system or a deleted user.';
        COMMENT ON COLUMN public.audit_logs.action IS 'A dotted verb such as `agent.created`.';
        COMMENT ON COLUMN public.audit_logs.ip_address IS 'The client''s address, when the action came through the API.';
        COMMENT ON TABLE public.executions IS 'one run of a workflow; kept 90 days';
        COMMENT ON COLUMN public.executions.started_at IS 'Millisecond precision is what the scheduler reports.';
        COMMENT ON COLUMN public.executions.finished_at IS 'NULL while running.';
        COMMENT ON COLUMN public.executions.cost_usd IS 'What the model provider charged, in US dollars.';
        COMMENT ON COLUMN public.executions.score IS 'Evaluation score between 0 and 1, when graded.';
        COMMENT ON COLUMN public.executions.error IS 'the failure message, for failed runs';
        COMMENT ON TABLE public.users IS 'A person working in one account; signs in through the auth provider.';
        COMMENT ON COLUMN public.users.auth_user_id IS 'The identity in the auth provider; NULL while the invitation is not accepted.';
        COMMENT ON COLUMN public.users.display_name IS 'Was `full_name` (renamed in the Alembic days).';
        COMMENT ON COLUMN public.users.invited_by IS 'Who invited this user: a self-reference.';
        COMMENT ON COLUMN public.users.time_zone IS 'Profile time zone, an IANA name.';
        COMMENT ON COLUMN public.users.deleted_at IS 'Soft delete: the row stays for the audit log.';
        COMMENT ON TABLE public.workflows IS 'A workflow: a graph of steps an agent runs. Sub-workflows point to their parent.';
        COMMENT ON COLUMN public.workflows.parent_id IS 'The enclosing workflow: a self-reference.';
        COMMENT ON COLUMN public.workflows.definition IS 'The steps, as the editor saves them.';
        COMMENT ON COLUMN public.workflows."position" IS 'Run order among siblings.';
        COMMENT ON COLUMN public.workflows.updated_at IS 'Set by the `workflows_set_updated_at` trigger (`sql/set_updated_at.sql`).';
        COMMENT ON MATERIALIZED VIEW billing.daily_usage IS 'usage per subscription, metric and UTC day';
        COMMENT ON VIEW public.active_agents IS 'active agents, as the dashboard lists them';
        COMMENT ON FUNCTION public.set_updated_at() IS 'sets updated_at to now() on every update';
    "#]].assert_eq(&created.to_string());

    aludel::testing::drop_all(db.url(), &schema)
        .await
        .unwrap_or_else(|e| panic!("drop_all: {e}"));
    let after = read(&db).await;
    assert_eq!(
        after.to_string(),
        before.to_string(),
        "only the external objects remain"
    );
    assert_eq!(after, before);
}
