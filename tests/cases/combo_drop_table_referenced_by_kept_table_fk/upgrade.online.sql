SET LOCAL lock_timeout = '5s';
ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;
-- hazard: data-loss public.p
DROP TABLE public.p;
