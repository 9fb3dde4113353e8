CREATE TABLE public.users (id serial PRIMARY KEY, email text UNIQUE, age int CHECK (age > 0));
CREATE INDEX users_age_idx ON public.users (age);
