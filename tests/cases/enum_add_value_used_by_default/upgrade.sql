ALTER TYPE public.mood ADD VALUE 'happy' AFTER 'ok';
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'happy'::public.mood;
