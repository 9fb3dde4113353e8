-- Usage per subscription, metric and day, for invoices and the usage chart; refreshed by the
-- billing job with `REFRESH MATERIALIZED VIEW CONCURRENTLY`, which needs the unique index.
CREATE MATERIALIZED VIEW billing.daily_usage AS
    SELECT subscription_id,
           metric,
           (recorded_at AT TIME ZONE 'UTC')::date AS day,
           sum(quantity) AS quantity,
           count(*) AS records
    FROM billing.usage_records
    GROUP BY subscription_id, metric, (recorded_at AT TIME ZONE 'UTC')::date;

CREATE UNIQUE INDEX daily_usage_key ON billing.daily_usage (subscription_id, metric, day);

COMMENT ON MATERIALIZED VIEW billing.daily_usage IS 'usage per subscription, metric and UTC day';
