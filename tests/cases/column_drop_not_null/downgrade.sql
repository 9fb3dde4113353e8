-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.email
ALTER TABLE public.users ALTER COLUMN email SET NOT NULL;
