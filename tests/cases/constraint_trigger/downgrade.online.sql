SET LOCAL lock_timeout = '5s';
DROP TRIGGER accounts_check ON public.accounts;
