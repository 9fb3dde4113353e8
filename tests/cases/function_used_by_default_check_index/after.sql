CREATE FUNCTION public.new_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN md5(random()::text); END $$;
CREATE FUNCTION public.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE public.codes (id bigint PRIMARY KEY, code text NOT NULL DEFAULT public.new_code(), CHECK (public.norm(code) <> ''));
CREATE INDEX codes_norm ON public.codes (public.norm(code));
