SET LOCAL lock_timeout = '5s';
-- rebuilt: trigger public.accounts.accounts_status depends on public.accounts.status
DROP TRIGGER accounts_status ON public.accounts;
-- hazard: rewrites-table public.accounts
-- hazard: may-fail-on-existing-rows public.accounts.status
ALTER TABLE public.accounts ALTER COLUMN status TYPE character varying(20) USING status::character varying(20);
-- rebuilt: trigger public.accounts.accounts_status depends on public.accounts.status
CREATE TRIGGER accounts_status BEFORE UPDATE OF status ON public.accounts FOR EACH ROW WHEN (((old.status)::text IS DISTINCT FROM (new.status)::text)) EXECUTE FUNCTION public.audit();
