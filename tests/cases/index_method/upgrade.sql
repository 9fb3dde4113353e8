DROP INDEX public.t_c_idx;
-- hazard: blocks-writes public.t
CREATE INDEX t_c_idx ON public.t USING gin (c pg_catalog.jsonb_path_ops);
-- hazard: blocks-writes public.t
CREATE INDEX t_b_hash ON public.t USING hash (b);
