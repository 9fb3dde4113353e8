CREATE TABLE public.users (id bigint PRIMARY KEY, email_address text NOT NULL, age integer);
