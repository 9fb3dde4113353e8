SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE public.users_id_seq RENAME TO people_id_seq;
ALTER INDEX public.users_age_idx RENAME TO people_age_idx;
ALTER TABLE public.users RENAME CONSTRAINT users_age_check TO people_age_check;
ALTER TABLE public.users RENAME CONSTRAINT users_email_key TO people_email_key;
ALTER TABLE public.users RENAME CONSTRAINT users_pkey TO people_pkey;
ALTER TABLE public.users RENAME TO people;
