SET LOCAL lock_timeout = '5s';
-- rebuilt: public.c.c_pg_fkey depends on public.p.p_g_key
ALTER TABLE public.c DROP CONSTRAINT c_pg_fkey;
-- rebuilt: public.p_g_idx depends on public.p.g
DROP INDEX public.p_g_idx;
-- rebuilt: public.p.p_g_check depends on public.p.g
ALTER TABLE public.p DROP CONSTRAINT p_g_check;
-- rebuilt: public.p.p_g_key depends on public.p.g
ALTER TABLE public.p DROP CONSTRAINT p_g_key;
-- hazard: data-loss public.p.g
-- hazard: rewrites-table public.p
ALTER TABLE public.p DROP COLUMN g;
ALTER TABLE public.p ADD COLUMN g integer GENERATED ALWAYS AS ((a * 2)) STORED;
-- hazard: blocks-writes public.p
-- rebuilt: public.p_g_idx depends on public.p.g
CREATE INDEX p_g_idx ON public.p USING btree (g) WHERE (g > 10);
-- hazard: blocks-writes public.p
-- hazard: may-fail-on-existing-rows public.p.p_g_check
-- rebuilt: public.p.p_g_check depends on public.p.g
ALTER TABLE public.p ADD CONSTRAINT p_g_check CHECK ((g >= 0));
-- hazard: blocks-writes public.p
-- hazard: may-fail-on-existing-rows public.p.p_g_key
-- rebuilt: public.p.p_g_key depends on public.p.g
ALTER TABLE public.p ADD CONSTRAINT p_g_key UNIQUE (g);
-- hazard: blocks-writes public.c
-- hazard: may-fail-on-existing-rows public.c.c_pg_fkey
-- rebuilt: public.c.c_pg_fkey depends on public.p.p_g_key
ALTER TABLE public.c ADD CONSTRAINT c_pg_fkey FOREIGN KEY (pg) REFERENCES public.p (g);
