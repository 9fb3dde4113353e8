SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE public.users_id_seq RENAME TO people_id_seq;
ALTER TABLE public.users RENAME CONSTRAINT users_pkey TO people_pkey;
ALTER TABLE public.users RENAME TO people;
