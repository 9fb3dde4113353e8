CREATE TYPE public.mood AS ENUM ('c');
COMMENT ON TYPE public.mood IS 'how it feels';
