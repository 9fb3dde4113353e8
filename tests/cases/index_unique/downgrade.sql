DROP INDEX public.t_a_idx;
-- hazard: blocks-writes public.t
CREATE INDEX t_a_idx ON public.t USING btree (a);
