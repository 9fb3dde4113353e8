CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW public.active_users AS SELECT id, email FROM public.users WHERE active;
COMMENT ON VIEW public.active_users IS 'users who may sign in';
