DROP INDEX CONCURRENTLY public.t_c_idx;
CREATE INDEX CONCURRENTLY t_c_idx ON public.t USING gin (c pg_catalog.jsonb_path_ops);
CREATE INDEX CONCURRENTLY t_b_hash ON public.t USING hash (b);
