SET LOCAL lock_timeout = '5s';
COMMENT ON TYPE public.mood IS 'how it feels';
-- hazard: rewrites-table public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('c');
COMMENT ON TYPE public.mood IS 'how it feels';
DROP TYPE public.mood_old;
