-- Keeps `updated_at` current: a BEFORE UPDATE trigger on every table that has the column.
CREATE FUNCTION public.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION public.set_updated_at() IS 'sets updated_at to now() on every update';

CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON public.agents
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE TRIGGER workflows_set_updated_at BEFORE UPDATE ON public.workflows
    FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
