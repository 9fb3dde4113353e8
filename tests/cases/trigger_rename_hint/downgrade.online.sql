SET LOCAL lock_timeout = '5s';
ALTER TRIGGER accounts_audit ON public.accounts RENAME TO a1;
