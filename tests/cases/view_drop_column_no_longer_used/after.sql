CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE VIEW public.contacts AS SELECT id, email FROM public.users;
