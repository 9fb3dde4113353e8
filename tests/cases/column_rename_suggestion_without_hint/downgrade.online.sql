SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users.email_address
ALTER TABLE public.users DROP COLUMN email_address;
-- hazard: may-fail-on-existing-rows public.users.email
ALTER TABLE public.users ADD COLUMN email text NOT NULL;
