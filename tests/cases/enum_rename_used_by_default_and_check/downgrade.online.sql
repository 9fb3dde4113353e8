SET LOCAL lock_timeout = '5s';
ALTER TYPE public.feeling RENAME TO mood;
