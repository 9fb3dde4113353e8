-- aludel: revision 20261119110640_add_usage_records
-- aludel: parents 20261118110640_initial_schema
-- aludel: message add usage records
-- aludel: transaction per-migration

-- aludel: upgrade
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
COMMENT ON TABLE billing.usage_records IS 'Metered usage per subscription, metric, day and agent (NULL: not attributable to an agent).';
COMMENT ON COLUMN billing.usage_records.metric IS 'Such as `tokens`, `executions`, `storage_gb`.';
CREATE INDEX usage_records_agent_id_idx ON billing.usage_records USING btree (agent_id);
CREATE UNIQUE INDEX usage_records_bucket_key ON billing.usage_records USING btree (subscription_id, metric, period_start, agent_id) NULLS NOT DISTINCT;
ALTER TABLE billing.usage_records ADD CONSTRAINT usage_records_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES public.agents (id) ON DELETE SET NULL;
ALTER TABLE billing.usage_records ADD CONSTRAINT usage_records_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES billing.subscriptions (id) ON DELETE CASCADE;

-- aludel: downgrade
ALTER TABLE billing.usage_records DROP CONSTRAINT usage_records_subscription_id_fkey;
ALTER TABLE billing.usage_records DROP CONSTRAINT usage_records_agent_id_fkey;
DROP INDEX billing.usage_records_bucket_key;
DROP INDEX billing.usage_records_agent_id_idx;
-- hazard: data-loss billing.usage_records
DROP TABLE billing.usage_records;
