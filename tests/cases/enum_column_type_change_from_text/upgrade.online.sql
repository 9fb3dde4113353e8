SET LOCAL lock_timeout = '5s';
CREATE TYPE public.mood AS ENUM ('sad', 'ok');
-- hazard: rewrites-table public.people
-- hazard: may-fail-on-existing-rows public.people.mood
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
