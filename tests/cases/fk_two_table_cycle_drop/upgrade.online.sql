SET LOCAL lock_timeout = '5s';
ALTER TABLE public.a DROP CONSTRAINT a_b_id_fkey;
ALTER TABLE public.b DROP CONSTRAINT b_a_id_fkey;
-- hazard: data-loss public.a
DROP TABLE public.a;
-- hazard: data-loss public.b
DROP TABLE public.b;
