CREATE TABLE public.users (id bigint PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, age smallint CHECK (age > 0), bio text DEFAULT '');
CREATE INDEX users_age_idx ON public.users (age DESC);
COMMENT ON TABLE public.users IS 'people';
