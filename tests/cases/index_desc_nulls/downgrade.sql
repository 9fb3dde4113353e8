DROP INDEX public.t_d_idx;
-- hazard: blocks-writes public.t
CREATE INDEX t_d_idx ON public.t USING btree (d);
