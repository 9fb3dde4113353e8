CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, age integer CONSTRAINT users_age_check CHECK (age > 0));
