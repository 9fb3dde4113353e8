SET LOCAL lock_timeout = '5s';
ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;
DROP INDEX CONCURRENTLY public.c_p_id_idx;
SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.p
DROP TABLE public.p;
-- hazard: data-loss public.c
DROP TABLE public.c;
DROP TYPE public.mood;
