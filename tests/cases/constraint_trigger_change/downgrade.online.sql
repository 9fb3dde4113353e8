SET LOCAL lock_timeout = '5s';
DROP TRIGGER accounts_check ON public.accounts;
CREATE CONSTRAINT TRIGGER accounts_check AFTER INSERT OR UPDATE ON public.accounts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.audit();
