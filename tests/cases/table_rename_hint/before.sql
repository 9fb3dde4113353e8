CREATE TABLE public.people (id serial PRIMARY KEY, email text UNIQUE, age int CHECK (age > 0));
CREATE INDEX people_age_idx ON public.people (age);
