CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, age integer);
COMMENT ON COLUMN public.users.age IS 'years';
