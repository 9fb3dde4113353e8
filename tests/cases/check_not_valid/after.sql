CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, age integer);
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK (age > 100) NOT VALID;
