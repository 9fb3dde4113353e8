DROP VIEW public.contacts;
CREATE VIEW public.contacts AS
 SELECT users.id,
    users.email
   FROM public.users;
-- hazard: data-loss public.users.phone
ALTER TABLE public.users DROP COLUMN phone;
