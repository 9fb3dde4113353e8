SET LOCAL lock_timeout = '5s';
CREATE SCHEMA types;
ALTER TYPE public.mood SET SCHEMA types;
