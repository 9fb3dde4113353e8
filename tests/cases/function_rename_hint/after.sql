CREATE FUNCTION public.increment(a integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN a + 1; END $$;
