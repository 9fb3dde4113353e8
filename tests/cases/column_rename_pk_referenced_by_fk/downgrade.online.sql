SET LOCAL lock_timeout = '5s';
ALTER TABLE public.p RENAME COLUMN pid TO id;
