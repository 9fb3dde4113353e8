CREATE SCHEMA app;
CREATE TABLE app.t (id bigint PRIMARY KEY, n int NOT NULL DEFAULT 0, touched timestamptz);
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE FUNCTION app.total() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT sum(n) FROM app.t; END;
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE VIEW app.big AS SELECT id, n FROM app.t WHERE n > 10;
CREATE VIEW public.big_ids AS SELECT id FROM app.big;
CREATE MATERIALIZED VIEW app.counts AS SELECT n, count(*) AS c FROM app.t GROUP BY n;
CREATE UNIQUE INDEX counts_n ON app.counts (n);
