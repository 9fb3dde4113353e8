CREATE VIEW public.active_users AS
 SELECT users.id,
    users.email
   FROM public.users
  WHERE users.active;
COMMENT ON VIEW public.active_users IS 'users who may sign in';
