SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE VIEW public.active_users AS
 SELECT users.id,
    users.email
   FROM public.users
  WHERE users.active;
