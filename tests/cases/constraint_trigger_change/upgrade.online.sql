SET LOCAL lock_timeout = '5s';
DROP TRIGGER accounts_check ON public.accounts;
CREATE CONSTRAINT TRIGGER accounts_check AFTER INSERT ON public.accounts NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION public.audit();
