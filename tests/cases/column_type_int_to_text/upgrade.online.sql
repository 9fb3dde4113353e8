SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.users
-- hazard: may-fail-on-existing-rows public.users.age
ALTER TABLE public.users ALTER COLUMN age TYPE text USING age::text;
