SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people RENAME TO users;
ALTER TABLE public.users RENAME CONSTRAINT people_pkey TO users_pkey;
