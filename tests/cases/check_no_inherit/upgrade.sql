-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_email_check
ALTER TABLE public.users ADD CONSTRAINT users_email_check CHECK ((email <> ''::text)) NO INHERIT;
