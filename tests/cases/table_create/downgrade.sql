-- hazard: data-loss public.users
DROP TABLE public.users;
