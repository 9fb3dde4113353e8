-- rebuilt: trigger public.accounts.accounts_status depends on public.accounts.status
DROP TRIGGER accounts_status ON public.accounts;
ALTER TABLE public.accounts ALTER COLUMN status TYPE text;
-- rebuilt: trigger public.accounts.accounts_status depends on public.accounts.status
CREATE TRIGGER accounts_status BEFORE UPDATE OF status ON public.accounts FOR EACH ROW WHEN ((old.status IS DISTINCT FROM new.status)) EXECUTE FUNCTION public.audit();
