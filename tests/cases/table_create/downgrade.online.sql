SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users
DROP TABLE public.users;
