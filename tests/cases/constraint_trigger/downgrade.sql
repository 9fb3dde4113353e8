DROP TRIGGER accounts_check ON public.accounts;
