DROP INDEX public.t_b_hash;
DROP INDEX public.t_c_idx;
-- hazard: blocks-writes public.t
CREATE INDEX t_c_idx ON public.t USING btree (c);
