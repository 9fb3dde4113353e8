-- hazard: blocks-writes public.t
-- hazard: may-fail-on-existing-rows public.t_a_idx
CREATE UNIQUE INDEX t_a_idx ON public.t USING btree (a) NULLS NOT DISTINCT;
