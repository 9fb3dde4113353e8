SET LOCAL lock_timeout = '5s';
ALTER TRIGGER a1 ON public.accounts RENAME TO accounts_audit;
