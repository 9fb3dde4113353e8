SET LOCAL lock_timeout = '5s';
-- rebuilt: public.active_emails depends on public.active_users
DROP VIEW public.active_emails;
-- rebuilt: public.active_users depends on public.users.email
DROP VIEW public.active_users;
ALTER TABLE public.users ALTER COLUMN email TYPE text;
-- rebuilt: public.active_users depends on public.users.email
CREATE VIEW public.active_users AS
 SELECT users.id,
    users.email
   FROM public.users
  WHERE users.active;
-- rebuilt: public.active_emails depends on public.active_users
CREATE VIEW public.active_emails AS
 SELECT active_users.email
   FROM public.active_users;
