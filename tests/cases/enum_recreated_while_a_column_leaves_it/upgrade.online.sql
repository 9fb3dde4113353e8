SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.t2
ALTER TABLE public.t2 ALTER COLUMN c2 TYPE text;
-- hazard: data-loss public.mood.e
-- hazard: rewrites-table public.mood
-- hazard: may-fail-on-existing-rows public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ();
DROP TYPE public.mood_old;
