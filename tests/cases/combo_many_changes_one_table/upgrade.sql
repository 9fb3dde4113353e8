DROP INDEX public.users_age_idx;
ALTER TABLE public.users ADD COLUMN bio text DEFAULT ''::text;
-- hazard: rewrites-table public.users
-- hazard: may-fail-on-existing-rows public.users.email
ALTER TABLE public.users ALTER COLUMN email TYPE character varying(200) USING email::character varying(200);
-- hazard: rewrites-table public.users
-- hazard: may-fail-on-existing-rows public.users.age
ALTER TABLE public.users ALTER COLUMN age TYPE smallint USING age::smallint;
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_email_key
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_age_check
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK ((age > 0));
-- hazard: blocks-writes public.users
CREATE INDEX users_age_idx ON public.users USING btree (age DESC);
COMMENT ON TABLE public.users IS 'people';
