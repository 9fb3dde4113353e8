SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_email_check
ALTER TABLE public.users ADD CONSTRAINT users_email_check CHECK ((email <> ''::text)) NO INHERIT NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_email_check;
