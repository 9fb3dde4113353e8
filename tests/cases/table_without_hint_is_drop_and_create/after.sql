CREATE TABLE public.accounts (id bigint PRIMARY KEY, email text NOT NULL, age integer);
