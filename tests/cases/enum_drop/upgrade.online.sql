SET LOCAL lock_timeout = '5s';
DROP TYPE public.mood;
