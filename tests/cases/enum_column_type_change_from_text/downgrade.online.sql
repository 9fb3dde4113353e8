SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.people
ALTER TABLE public.people ALTER COLUMN mood TYPE text;
DROP TYPE public.mood;
