CREATE SCHEMA core;
CREATE TABLE core.t (id bigint PRIMARY KEY, n int NOT NULL DEFAULT 0, touched timestamptz);
CREATE FUNCTION core.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE FUNCTION core.total() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(n) FROM core.t; END;
CREATE TRIGGER t_touch BEFORE UPDATE ON core.t FOR EACH ROW EXECUTE FUNCTION core.touch();
CREATE VIEW core.big AS SELECT id, n FROM core.t WHERE n > 10;
CREATE VIEW public.big_ids AS SELECT id FROM core.big;
CREATE MATERIALIZED VIEW core.counts AS SELECT n, count(*) AS c FROM core.t GROUP BY n;
CREATE UNIQUE INDEX counts_n ON core.counts (n);
