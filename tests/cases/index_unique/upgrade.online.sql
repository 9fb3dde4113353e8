DROP INDEX CONCURRENTLY public.t_a_idx;
-- hazard: may-fail-on-existing-rows public.t_a_idx
CREATE UNIQUE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a);
