DROP INDEX public.t_b_c_idx;
DROP INDEX public.t_b_idx;
-- hazard: blocks-writes public.t
CREATE INDEX t_b_idx ON public.t USING btree (b);
