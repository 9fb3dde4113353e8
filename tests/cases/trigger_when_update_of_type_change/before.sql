CREATE TABLE public.accounts (id bigint PRIMARY KEY, status varchar(20) NOT NULL, balance int NOT NULL DEFAULT 0);
CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_status BEFORE UPDATE OF status ON public.accounts FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION public.audit();
CREATE TRIGGER accounts_any AFTER INSERT OR DELETE ON public.accounts FOR EACH STATEMENT EXECUTE FUNCTION public.audit();
