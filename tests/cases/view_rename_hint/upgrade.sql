ALTER VIEW public.v RENAME TO user_ids;
