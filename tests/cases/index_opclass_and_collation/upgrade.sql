DROP INDEX public.t_b_idx;
-- hazard: blocks-writes public.t
CREATE INDEX t_b_idx ON public.t USING btree (b pg_catalog.text_pattern_ops);
-- hazard: blocks-writes public.t
CREATE INDEX t_b_c_idx ON public.t USING btree (b COLLATE pg_catalog."C");
