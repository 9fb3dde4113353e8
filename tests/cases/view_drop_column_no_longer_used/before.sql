CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, phone text);
CREATE VIEW public.contacts AS SELECT id, email, phone FROM public.users;
