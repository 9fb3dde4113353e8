DROP INDEX CONCURRENTLY public.t_d_idx;
CREATE INDEX CONCURRENTLY t_d_idx ON public.t USING btree (d);
