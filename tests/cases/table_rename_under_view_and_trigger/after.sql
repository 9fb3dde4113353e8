CREATE TABLE public.ledgers (id bigint PRIMARY KEY, status varchar(20) NOT NULL, balance int NOT NULL DEFAULT 0);
CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE VIEW public.open_accounts AS SELECT id FROM public.ledgers WHERE status = 'open';
CREATE TRIGGER a1 BEFORE UPDATE ON public.ledgers FOR EACH ROW EXECUTE FUNCTION public.audit();
