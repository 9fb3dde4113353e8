CREATE TYPE public.mood AS ENUM ();
