SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people ALTER COLUMN mood DROP DEFAULT;
-- hazard: data-loss public.mood.happy
-- hazard: rewrites-table public.mood
-- hazard: may-fail-on-existing-rows public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'ok');
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
DROP TYPE public.mood_old;
