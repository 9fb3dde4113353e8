CREATE FUNCTION public.add_one(a integer) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN a + 1; END $$;
