SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people RENAME TO users;
ALTER TABLE public.users RENAME CONSTRAINT people_pkey TO users_pkey;
ALTER TABLE public.users RENAME CONSTRAINT people_email_key TO users_email_key;
ALTER TABLE public.users RENAME CONSTRAINT people_age_check TO users_age_check;
ALTER INDEX public.people_age_idx RENAME TO users_age_idx;
ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq;
