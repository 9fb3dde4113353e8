DROP VIEW public.open_accounts;
DROP TRIGGER a1 ON public.accounts;
ALTER TABLE public.accounts RENAME TO ledgers;
ALTER TABLE public.ledgers RENAME CONSTRAINT accounts_pkey TO ledgers_pkey;
CREATE VIEW public.open_accounts AS
 SELECT ledgers.id
   FROM public.ledgers
  WHERE ledgers.status::text = 'open'::text;
CREATE TRIGGER a1 BEFORE UPDATE ON public.ledgers FOR EACH ROW EXECUTE FUNCTION public.audit();
