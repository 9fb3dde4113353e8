CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE public.codes (id bigint PRIMARY KEY, code text NOT NULL);
CREATE INDEX codes_norm ON public.codes (public.norm(code));
CREATE VIEW public.codes_v AS SELECT id, public.norm(code) AS n FROM public.codes;
