-- Keeps `updated_at` current, run by a BEFORE UPDATE trigger on every table that has the
-- column: `trigger(function = "public.set_updated_at", before = "update")` on its model.
CREATE FUNCTION public.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.set_updated_at() IS 'sets updated_at to now() on every update';
