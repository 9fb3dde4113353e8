ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;
DROP INDEX public.c_p_id_idx;
-- hazard: data-loss public.p
DROP TABLE public.p;
-- hazard: data-loss public.c
DROP TABLE public.c;
DROP TYPE public.mood;
