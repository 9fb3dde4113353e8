SET LOCAL lock_timeout = '5s';
ALTER VIEW public.v RENAME COLUMN email TO mail;
CREATE OR REPLACE VIEW public.v AS
 SELECT users.id,
    users.email AS mail
   FROM public.users;
