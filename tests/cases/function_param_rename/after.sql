CREATE FUNCTION public.add_one(n integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN n + 1; END $$;
