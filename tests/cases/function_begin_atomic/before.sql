CREATE TABLE public.users (id bigint PRIMARY KEY, email varchar(50) NOT NULL);
