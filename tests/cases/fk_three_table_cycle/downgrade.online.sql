SET LOCAL lock_timeout = '5s';
ALTER TABLE public.c DROP CONSTRAINT c_b_id_fkey;
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;
ALTER TABLE public.a DROP CONSTRAINT a_c_id_fkey;
-- hazard: data-loss public.c
DROP TABLE public.c;
-- hazard: data-loss public.b
DROP TABLE public.b;
-- hazard: data-loss public.a
DROP TABLE public.a;
