CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW public.v WITH (security_barrier = true, security_invoker = true) AS SELECT id, email FROM public.users WHERE active WITH LOCAL CHECK OPTION;
