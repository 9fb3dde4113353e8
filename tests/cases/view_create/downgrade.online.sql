SET LOCAL lock_timeout = '5s';
DROP VIEW public.active_users;
