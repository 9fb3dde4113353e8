SET LOCAL lock_timeout = '5s';
DROP TRIGGER t_touch ON core.t;
DROP VIEW public.big_ids;
DROP INDEX CONCURRENTLY core.counts_n;
SET LOCAL lock_timeout = '5s';
DROP MATERIALIZED VIEW core.counts;
DROP VIEW core.big;
DROP FUNCTION core.total();
DROP FUNCTION core.touch();
ALTER SCHEMA core RENAME TO app;
CREATE OR REPLACE FUNCTION app.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.touched := now(); RETURN NEW; END $function$;
CREATE OR REPLACE FUNCTION app.total()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT sum(t.n) AS sum
    FROM app.t;
END;
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE MATERIALIZED VIEW app.counts AS
 SELECT t.n,
    count(*) AS c
   FROM app.t
  GROUP BY t.n;
CREATE UNIQUE INDEX CONCURRENTLY counts_n ON app.counts USING btree (n);
SET LOCAL lock_timeout = '5s';
CREATE VIEW app.big AS
 SELECT t.id,
    t.n
   FROM app.t
  WHERE t.n > 10;
CREATE VIEW public.big_ids AS
 SELECT big.id
   FROM app.big;
