SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('e');
DROP TYPE public.mood_old;
-- hazard: rewrites-table public.t2
-- hazard: may-fail-on-existing-rows public.t2.c2
ALTER TABLE public.t2 ALTER COLUMN c2 TYPE public.mood USING c2::text::public.mood;
