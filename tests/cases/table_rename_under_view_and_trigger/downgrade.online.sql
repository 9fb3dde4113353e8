SET LOCAL lock_timeout = '5s';
DROP TRIGGER a1 ON public.ledgers;
DROP VIEW public.open_accounts;
ALTER TABLE public.ledgers RENAME CONSTRAINT ledgers_pkey TO accounts_pkey;
ALTER TABLE public.ledgers RENAME TO accounts;
CREATE TRIGGER a1 BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.audit();
CREATE VIEW public.open_accounts AS
 SELECT accounts.id
   FROM public.accounts
  WHERE accounts.status::text = 'open'::text;
