CREATE FUNCTION public.add_one(a integer) RETURNS integer LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER SET search_path = public AS $$ BEGIN RETURN a + 1 + 0; END $$;
COMMENT ON FUNCTION public.add_one(integer) IS 'adds one';
