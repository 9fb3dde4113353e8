SET LOCAL lock_timeout = '5s';
-- rebuilt: public.t0_n.t0_n_c2_check depends on public.mood
ALTER TABLE public.t0_n DROP CONSTRAINT t0_n_c2_check;
-- hazard: data-loss public.mood.b
-- hazard: rewrites-table public.mood
-- hazard: may-fail-on-existing-rows public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('d');
ALTER TABLE public.t0_n ALTER COLUMN c2 TYPE public.mood USING c2::text::public.mood;
DROP TYPE public.mood_old;
-- hazard: blocks-writes public.t0_n
-- hazard: may-fail-on-existing-rows public.t0_n.t0_n_c2_check
-- rebuilt: public.t0_n.t0_n_c2_check depends on public.mood
ALTER TABLE public.t0_n ADD CONSTRAINT t0_n_c2_check CHECK ((c2 >= 'd'::public.mood));
ALTER TABLE public.t0_n RENAME CONSTRAINT t0_n_c2_check TO t0_c2_check;
ALTER TABLE public.t0_n RENAME CONSTRAINT t0_n_pkey TO t0_pkey;
ALTER TABLE public.t0_n RENAME TO t0;
