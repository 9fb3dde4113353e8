CREATE TABLE public.users (id bigint PRIMARY KEY, email text, age integer);
