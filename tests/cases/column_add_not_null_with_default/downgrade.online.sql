SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users.active
ALTER TABLE public.users DROP COLUMN active;
