ALTER TYPE public.feeling RENAME TO mood;
