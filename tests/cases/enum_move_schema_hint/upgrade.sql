CREATE SCHEMA types;
ALTER TYPE public.mood SET SCHEMA types;
