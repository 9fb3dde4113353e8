SET LOCAL lock_timeout = '5s';
DROP VIEW public.big_ids;
DROP VIEW app.big;
DROP INDEX CONCURRENTLY app.counts_n;
SET LOCAL lock_timeout = '5s';
DROP MATERIALIZED VIEW app.counts;
DROP TRIGGER t_touch ON app.t;
DROP FUNCTION app.total();
DROP FUNCTION app.touch();
ALTER SCHEMA app RENAME TO core;
CREATE OR REPLACE FUNCTION core.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.touched := now(); RETURN NEW; END $function$;
CREATE OR REPLACE FUNCTION core.total()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT sum(t.n) AS sum
    FROM core.t;
END;
CREATE VIEW core.big AS
 SELECT t.id,
    t.n
   FROM core.t
  WHERE t.n > 10;
CREATE MATERIALIZED VIEW core.counts AS
 SELECT t.n,
    count(*) AS c
   FROM core.t
  GROUP BY t.n;
CREATE UNIQUE INDEX CONCURRENTLY counts_n ON core.counts USING btree (n);
SET LOCAL lock_timeout = '5s';
CREATE VIEW public.big_ids AS
 SELECT big.id
   FROM core.big;
CREATE TRIGGER t_touch BEFORE UPDATE ON core.t FOR EACH ROW EXECUTE FUNCTION core.touch();
