DROP INDEX CONCURRENTLY public.t_b_hash;
DROP INDEX CONCURRENTLY public.t_c_idx;
CREATE INDEX CONCURRENTLY t_c_idx ON public.t USING btree (c);
