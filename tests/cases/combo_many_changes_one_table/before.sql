CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, age integer);
CREATE INDEX users_age_idx ON public.users (age);
