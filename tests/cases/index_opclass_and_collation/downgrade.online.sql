DROP INDEX CONCURRENTLY public.t_b_c_idx;
DROP INDEX CONCURRENTLY public.t_b_idx;
CREATE INDEX CONCURRENTLY t_b_idx ON public.t USING btree (b);
