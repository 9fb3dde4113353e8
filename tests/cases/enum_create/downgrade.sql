DROP TYPE public.mood;
