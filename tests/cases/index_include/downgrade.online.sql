DROP INDEX CONCURRENTLY public.t_a_idx;
CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a);
