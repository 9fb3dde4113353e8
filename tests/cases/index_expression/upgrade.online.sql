CREATE INDEX CONCURRENTLY t_lower_b_idx ON public.t USING btree ((lower(b)));
