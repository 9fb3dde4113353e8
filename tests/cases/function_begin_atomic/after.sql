CREATE TABLE public.users (id bigint PRIMARY KEY, email varchar(50) NOT NULL);
CREATE FUNCTION public.user_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM public.users; END;
CREATE FUNCTION public.email_of(uid bigint) RETURNS text LANGUAGE sql STABLE BEGIN ATOMIC SELECT email FROM public.users WHERE id = uid; END;
