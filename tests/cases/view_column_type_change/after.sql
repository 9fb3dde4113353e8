CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW public.active_users AS SELECT id, email FROM public.users WHERE active;
CREATE VIEW public.active_emails AS SELECT email FROM public.active_users;
CREATE TABLE public.other (id int);
CREATE VIEW public.other_ids AS SELECT id FROM public.other;
