-- hazard: blocks-writes public.t
CREATE INDEX t_lower_b_idx ON public.t USING btree ((lower(b)));
