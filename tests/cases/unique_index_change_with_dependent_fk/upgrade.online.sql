SET LOCAL lock_timeout = '5s';
-- rebuilt: public.c.c_code_fkey depends on public.p_code_idx
ALTER TABLE public.c DROP CONSTRAINT c_code_fkey;
DROP INDEX CONCURRENTLY public.p_code_idx;
-- hazard: may-fail-on-existing-rows public.p_code_idx
CREATE UNIQUE INDEX CONCURRENTLY p_code_idx ON public.p USING btree (code) NULLS NOT DISTINCT;
SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.c
-- hazard: may-fail-on-existing-rows public.c.c_code_fkey
-- rebuilt: public.c.c_code_fkey depends on public.p_code_idx
ALTER TABLE public.c ADD CONSTRAINT c_code_fkey FOREIGN KEY (code) REFERENCES public.p (code);
