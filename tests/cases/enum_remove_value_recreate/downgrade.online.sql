SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
DROP TYPE public.mood_old;
