DROP VIEW public.active_users;
