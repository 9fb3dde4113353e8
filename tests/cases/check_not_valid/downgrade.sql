ALTER TABLE public.users DROP CONSTRAINT users_age_check;
