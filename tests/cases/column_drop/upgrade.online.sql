SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users.age
ALTER TABLE public.users DROP COLUMN age;
