SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t0 RENAME TO t0_n;
ALTER TABLE public.t0_n RENAME CONSTRAINT t0_pkey TO t0_n_pkey;
ALTER TABLE public.t0_n RENAME CONSTRAINT t0_c2_check TO t0_n_c2_check;
ALTER TYPE public.mood ADD VALUE 'b' AFTER 'd';
