SET LOCAL lock_timeout = '5s';
ALTER VIEW public.v RENAME TO user_ids;
