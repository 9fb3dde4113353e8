-- diagnostic: column public.users.email is dropped and public.users.email_address of the same type is added; hint: if this is a rename, mark the new column `renamed_from = "email"` so no data is lost
SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users.email
ALTER TABLE public.users DROP COLUMN email;
-- hazard: may-fail-on-existing-rows public.users.email_address
ALTER TABLE public.users ADD COLUMN email_address text NOT NULL;
