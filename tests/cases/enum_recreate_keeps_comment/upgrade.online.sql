SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.mood.c
-- hazard: rewrites-table public.mood
-- hazard: may-fail-on-existing-rows public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ();
COMMENT ON TYPE public.mood IS 'how it feels';
DROP TYPE public.mood_old;
COMMENT ON TYPE public.mood IS NULL;
