SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people RENAME TO users;
ALTER TABLE public.users RENAME CONSTRAINT people_pkey TO users_pkey;
ALTER SEQUENCE public.people_id_seq RENAME TO users_id_seq;
