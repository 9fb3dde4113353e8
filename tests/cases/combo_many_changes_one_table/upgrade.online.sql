DROP INDEX CONCURRENTLY public.users_age_idx;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ADD COLUMN bio text DEFAULT ''::text;
-- hazard: rewrites-table public.users
-- hazard: may-fail-on-existing-rows public.users.email
ALTER TABLE public.users ALTER COLUMN email TYPE character varying(200) USING email::character varying(200);
-- hazard: rewrites-table public.users
-- hazard: may-fail-on-existing-rows public.users.age
ALTER TABLE public.users ALTER COLUMN age TYPE smallint USING age::smallint;
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_email_key
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users USING btree (email);
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_age_check
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK ((age > 0)) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_age_check;
CREATE INDEX CONCURRENTLY users_age_idx ON public.users USING btree (age DESC);
SET LOCAL lock_timeout = '5s';
COMMENT ON TABLE public.users IS 'people';
