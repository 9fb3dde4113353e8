SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users RENAME COLUMN age TO age_years;
-- hazard: rewrites-table public.users
ALTER TABLE public.users ALTER COLUMN age_years TYPE bigint;
