DROP INDEX CONCURRENTLY public.t_b_idx;
CREATE INDEX CONCURRENTLY t_b_idx ON public.t USING btree (b pg_catalog.text_pattern_ops);
CREATE INDEX CONCURRENTLY t_b_c_idx ON public.t USING btree (b COLLATE pg_catalog."C");
