SET LOCAL lock_timeout = '5s';
COMMENT ON TABLE public.users IS NULL;
DROP INDEX CONCURRENTLY public.users_age_idx;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users DROP CONSTRAINT users_age_check;
ALTER TABLE public.users DROP CONSTRAINT users_email_key;
-- hazard: rewrites-table public.users
ALTER TABLE public.users ALTER COLUMN age TYPE integer;
ALTER TABLE public.users ALTER COLUMN email TYPE text;
-- hazard: data-loss public.users.bio
ALTER TABLE public.users DROP COLUMN bio;
CREATE INDEX CONCURRENTLY users_age_idx ON public.users USING btree (age);
