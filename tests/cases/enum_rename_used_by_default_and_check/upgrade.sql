ALTER TYPE public.mood RENAME TO feeling;
