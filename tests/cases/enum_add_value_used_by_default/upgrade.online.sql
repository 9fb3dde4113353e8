ALTER TYPE public.mood ADD VALUE 'happy' AFTER 'ok';
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'happy'::public.mood;
