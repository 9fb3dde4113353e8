SET LOCAL lock_timeout = '5s';
ALTER TYPE public.mood RENAME TO feeling;
