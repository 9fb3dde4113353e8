SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users RENAME CONSTRAINT users_pkey TO people_pkey;
ALTER TABLE public.users RENAME TO people;
