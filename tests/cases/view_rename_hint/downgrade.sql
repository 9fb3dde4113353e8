ALTER VIEW public.user_ids RENAME TO v;
