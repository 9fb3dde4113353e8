-- aludel: revision 20261118110640_initial_schema
-- aludel: message initial schema
-- aludel: transaction per-migration

-- aludel: upgrade
CREATE SCHEMA billing;
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TYPE billing.subscription_state AS ENUM ('trialing', 'active', 'past_due', 'cancelled');
COMMENT ON TYPE billing.subscription_state IS 'The state of a subscription, kept by the billing provider''s webhooks.';
CREATE TYPE public.api_scope AS ENUM ('agents-read', 'agents-write', 'agents-delete', '*');
COMMENT ON TYPE public.api_scope IS 'permissions granted to an API key';
CREATE TYPE public.connection_type AS ENUM ('POWERBI', 'DB');
COMMENT ON TYPE public.connection_type IS 'Where an agent gets its data from.';
CREATE TYPE public.execution_status AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled');
COMMENT ON TYPE public.execution_status IS 'The life cycle of one execution.';
CREATE SEQUENCE billing.subscription_number_seq AS bigint START WITH 1000;
COMMENT ON SEQUENCE billing.subscription_number_seq IS 'human-readable subscription numbers';
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
COMMENT ON TABLE billing.plans IS 'What an account can buy.';
COMMENT ON COLUMN billing.plans.code IS 'Stable code used by the billing provider, such as `pro-2024`.';
COMMENT ON COLUMN billing.plans.yearly_price IS 'Twelve months for the price of ten.';
COMMENT ON COLUMN billing.plans.max_agents IS 'How many agents an account on this plan may have.';
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
COMMENT ON TABLE billing.subscriptions IS 'An account''s subscription to a plan, for a period.';
COMMENT ON COLUMN billing.subscriptions.number IS 'Shown on invoices.';
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
COMMENT ON TABLE public.accounts IS 'A customer organisation: the tenant that owns agents, workflows, keys and subscriptions.';
COMMENT ON COLUMN public.accounts.name IS 'Display name, as the customer typed it.';
COMMENT ON COLUMN public.accounts.slug IS 'Used in URLs: lower-case letters, digits and dashes.';
COMMENT ON COLUMN public.accounts.owner_id IS 'The person who signed the account up (a row of the auth provider).';
COMMENT ON COLUMN public.accounts.billing_contact_id IS 'Who receives invoices.';
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
COMMENT ON TABLE public.agent_versions IS 'An immutable snapshot of an agent''s prompt; executions record the version they ran.';
COMMENT ON COLUMN public.agent_versions.version IS '1, 2, 3, ... per agent.';
COMMENT ON COLUMN public.agent_versions.parameters IS 'Model parameters at the time (temperature, max tokens, ...).';
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
COMMENT ON TABLE public.agents IS 'An AI agent an account configures: a model, its instructions and a data connection.';
COMMENT ON COLUMN public.agents.slug IS 'Stable identifier in URLs, compared byte-wise.';
COMMENT ON COLUMN public.agents.model_type IS 'The model the agent calls, such as `gpt-4o`.';
COMMENT ON COLUMN public.agents.connection_config IS 'Connection settings for `connection_type`; secrets live in the vault, not here.';
COMMENT ON COLUMN public.agents.temperature IS 'Sampling temperature.';
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
COMMENT ON TABLE public.api_keys IS 'A key for the public API. Only a hash is stored; the prefix identifies the key in lists.';
COMMENT ON COLUMN public.api_keys.id IS 'The name comes from the first schema, written by hand before autogen existed.';
COMMENT ON COLUMN public.api_keys.key_hash IS 'SHA-256 of the secret.';
COMMENT ON COLUMN public.api_keys.prefix IS 'The first eight characters of the key, shown in lists.';
COMMENT ON COLUMN public.api_keys.last_used_at IS 'NULL for a key never used.';
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
COMMENT ON TABLE public.audit_logs IS 'Who did what, when: append-only.';
COMMENT ON COLUMN public.audit_logs.actor_id IS 'The user who acted; NULL for the system or a deleted user.';
COMMENT ON COLUMN public.audit_logs.action IS 'A dotted verb such as `agent.created`.';
COMMENT ON COLUMN public.audit_logs.ip_address IS 'The client''s address, when the action came through the API.';
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
    CONSTRAINT executions_score_check CHECK (((score >= (0)::double precision) AND (score <= (1)::double precision))),
    CONSTRAINT executions_tokens_nonnegative CHECK ((tokens >= 0))
);
COMMENT ON TABLE public.executions IS 'one run of a workflow; kept 90 days';
COMMENT ON COLUMN public.executions.started_at IS 'Millisecond precision is what the scheduler reports.';
COMMENT ON COLUMN public.executions.finished_at IS 'NULL while running.';
COMMENT ON COLUMN public.executions.cost_usd IS 'What the model provider charged, in US dollars.';
COMMENT ON COLUMN public.executions.score IS 'Evaluation score between 0 and 1, when graded.';
COMMENT ON COLUMN public.executions.error IS 'the failure message, for failed runs';
CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    account_id uuid NOT NULL,
    auth_user_id uuid,
    email public.citext NOT NULL,
    full_name character varying(200),
    invited_by uuid,
    time_zone text DEFAULT 'UTC'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_account_email_key UNIQUE (account_id, email) INCLUDE (id),
    CONSTRAINT users_auth_user_id_key UNIQUE (auth_user_id)
);
COMMENT ON TABLE public.users IS 'A person working in one account; signs in through the auth provider.';
COMMENT ON COLUMN public.users.auth_user_id IS 'The identity in the auth provider; NULL while the invitation is not accepted.';
COMMENT ON COLUMN public.users.full_name IS 'Was `full_name` (renamed in the Alembic days).';
COMMENT ON COLUMN public.users.invited_by IS 'Who invited this user: a self-reference.';
COMMENT ON COLUMN public.users.time_zone IS 'Profile time zone, an IANA name.';
COMMENT ON COLUMN public.users.deleted_at IS 'Soft delete: the row stays for the audit log.';
CREATE TABLE public.workflows (
    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
    agent_id uuid NOT NULL,
    parent_id bigint,
    name character varying(200) NOT NULL,
    definition jsonb NOT NULL,
    "position" smallint DEFAULT 0 NOT NULL,
    CONSTRAINT workflows_pkey PRIMARY KEY (id),
    CONSTRAINT workflows_agent_id_parent_id_name_key UNIQUE NULLS NOT DISTINCT (agent_id, parent_id, name)
);
COMMENT ON TABLE public.workflows IS 'A workflow: a graph of steps an agent runs. Sub-workflows point to their parent.';
COMMENT ON COLUMN public.workflows.parent_id IS 'The enclosing workflow: a self-reference.';
COMMENT ON COLUMN public.workflows.definition IS 'The steps, as the editor saves them.';
COMMENT ON COLUMN public.workflows."position" IS 'Run order among siblings.';
CREATE UNIQUE INDEX subscriptions_one_open_per_account ON billing.subscriptions USING btree (account_id) WHERE (ends_on IS NULL);
CREATE UNIQUE INDEX agents_account_lower_name_key ON public.agents USING btree (account_id, (lower((name)::text)));
CREATE INDEX agents_active_idx ON public.agents USING btree (account_id);
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
CREATE INDEX users_full_name_lower_idx ON public.users USING btree ((lower((full_name)::text)));
CREATE INDEX workflows_parent_id_idx ON public.workflows USING btree (parent_id);
ALTER TABLE billing.subscriptions ADD CONSTRAINT subscriptions_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;
ALTER TABLE billing.subscriptions ADD CONSTRAINT subscriptions_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES billing.plans (id) ON DELETE RESTRICT;
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

-- aludel: downgrade
ALTER TABLE public.workflows DROP CONSTRAINT workflows_parent_id_fkey;
ALTER TABLE public.workflows DROP CONSTRAINT workflows_agent_id_fkey;
ALTER TABLE public.users DROP CONSTRAINT users_invited_by_fkey;
ALTER TABLE public.users DROP CONSTRAINT users_auth_user_id_fkey;
ALTER TABLE public.users DROP CONSTRAINT users_account_id_fkey;
ALTER TABLE public.executions DROP CONSTRAINT executions_workflow_id_fkey;
ALTER TABLE public.executions DROP CONSTRAINT executions_agent_version_fkey;
ALTER TABLE public.audit_logs DROP CONSTRAINT audit_logs_actor_id_fkey;
ALTER TABLE public.audit_logs DROP CONSTRAINT audit_logs_account_id_fkey;
ALTER TABLE public.api_keys DROP CONSTRAINT api_keys_account_id_fkey;
ALTER TABLE public.agents DROP CONSTRAINT agents_created_by_fkey;
ALTER TABLE public.agents DROP CONSTRAINT agents_account_id_fkey;
ALTER TABLE public.agent_versions DROP CONSTRAINT agent_versions_created_by_fkey;
ALTER TABLE public.agent_versions DROP CONSTRAINT agent_versions_agent_id_fkey;
ALTER TABLE public.accounts DROP CONSTRAINT accounts_owner_id_fkey;
ALTER TABLE public.accounts DROP CONSTRAINT accounts_billing_contact_id_fkey;
ALTER TABLE billing.subscriptions DROP CONSTRAINT subscriptions_plan_id_fkey;
ALTER TABLE billing.subscriptions DROP CONSTRAINT subscriptions_account_id_fkey;
DROP INDEX public.workflows_parent_id_idx;
DROP INDEX public.users_full_name_lower_idx;
DROP INDEX public.users_account_id_idx;
DROP INDEX public.executions_running_idx;
DROP INDEX public.executions_finished_at_idx;
DROP INDEX public.audit_logs_actor_id_idx;
DROP INDEX public.audit_logs_action_prefix_idx;
DROP INDEX public.audit_logs_account_created_idx;
DROP INDEX public.api_keys_prefix_active_idx;
DROP INDEX public.api_keys_last_used_at_idx;
DROP INDEX public.api_keys_account_id_idx;
DROP INDEX public.agents_tags_idx;
DROP INDEX public.agents_name_prefix_idx;
DROP INDEX public.agents_created_by_idx;
DROP INDEX public.agents_config_idx;
DROP INDEX public.agents_active_idx;
DROP INDEX public.agents_account_lower_name_key;
DROP INDEX billing.subscriptions_one_open_per_account;
-- hazard: data-loss public.workflows
DROP TABLE public.workflows;
-- hazard: data-loss public.users
DROP TABLE public.users;
-- hazard: data-loss public.executions
DROP TABLE public.executions;
-- hazard: data-loss public.audit_logs
DROP TABLE public.audit_logs;
-- hazard: data-loss public.api_keys
DROP TABLE public.api_keys;
-- hazard: data-loss public.agents
DROP TABLE public.agents;
-- hazard: data-loss public.agent_versions
DROP TABLE public.agent_versions;
-- hazard: data-loss public.accounts
DROP TABLE public.accounts;
-- hazard: data-loss billing.subscriptions
DROP TABLE billing.subscriptions;
-- hazard: data-loss billing.plans
DROP TABLE billing.plans;
DROP SEQUENCE billing.subscription_number_seq;
DROP TYPE public.execution_status;
DROP TYPE public.connection_type;
DROP TYPE public.api_scope;
DROP TYPE billing.subscription_state;
DROP EXTENSION citext;
DROP SCHEMA billing;
