SET LOCAL lock_timeout = '5s';
ALTER VIEW public.user_ids RENAME TO v;
