CREATE FUNCTION public.add_one(a integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN a + 1; END $$;
CREATE FUNCTION public.add_one(a bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT a + 1 $$;
CREATE FUNCTION public.add_one(a text) RETURNS text LANGUAGE sql IMMUTABLE RETURN a || '1';
