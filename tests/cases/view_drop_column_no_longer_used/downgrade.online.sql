SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ADD COLUMN phone text;
CREATE OR REPLACE VIEW public.contacts AS
 SELECT users.id,
    users.email,
    users.phone
   FROM public.users;
