SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.users
-- hazard: may-fail-on-existing-rows public.users.age_years
ALTER TABLE public.users ALTER COLUMN age_years TYPE integer USING age_years::integer;
ALTER TABLE public.users RENAME COLUMN age_years TO age;
