-- rebuilt: public.active_user_ids depends on public.active_users
DROP VIEW public.active_user_ids;
DROP VIEW public.active_users;
CREATE VIEW public.active_users AS
 SELECT users.id
   FROM public.users
  WHERE users.active;
-- rebuilt: public.active_user_ids depends on public.active_users
CREATE VIEW public.active_user_ids AS
 SELECT active_users.id
   FROM public.active_users;
