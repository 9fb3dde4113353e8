CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
