CREATE FUNCTION public.new_code(len int) RETURNS text LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN left(md5(random()::text), len); END $$;
CREATE FUNCTION public.norm(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(s) $$;
CREATE TABLE public.codes (id bigint PRIMARY KEY, code text NOT NULL DEFAULT public.new_code(8), CHECK (public.norm(code) <> ''));
CREATE INDEX codes_norm ON public.codes (public.norm(code));
