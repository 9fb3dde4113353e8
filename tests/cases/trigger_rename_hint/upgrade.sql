ALTER TRIGGER a1 ON public.accounts RENAME TO accounts_audit;
