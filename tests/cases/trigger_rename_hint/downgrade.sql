ALTER TRIGGER accounts_audit ON public.accounts RENAME TO a1;
