-- aludel: revision 20261202080433_daily_usage_materialized_view
-- aludel: parents 20261202080418_active_agents_view
-- aludel: message daily usage materialized view
-- aludel: transaction per-migration
-- aludel: hazard rewrites-table billing.daily_usage
-- aludel: hazard blocks-writes billing.daily_usage
-- aludel: hazard may-fail-on-existing-rows billing.daily_usage_key

-- aludel: upgrade
-- hazard: rewrites-table billing.daily_usage
CREATE MATERIALIZED VIEW billing.daily_usage AS
 SELECT usage_records.subscription_id,
    usage_records.metric,
    (usage_records.recorded_at AT TIME ZONE 'UTC'::text)::date AS day,
    sum(usage_records.quantity) AS quantity,
    count(*) AS records
   FROM billing.usage_records
  GROUP BY usage_records.subscription_id, usage_records.metric, ((usage_records.recorded_at AT TIME ZONE 'UTC'::text)::date);
COMMENT ON MATERIALIZED VIEW billing.daily_usage IS 'usage per subscription, metric and UTC day';
-- hazard: blocks-writes billing.daily_usage
-- hazard: may-fail-on-existing-rows billing.daily_usage_key
CREATE UNIQUE INDEX daily_usage_key ON billing.daily_usage USING btree (subscription_id, metric, day);

-- aludel: downgrade
DROP INDEX billing.daily_usage_key;
DROP MATERIALIZED VIEW billing.daily_usage;
