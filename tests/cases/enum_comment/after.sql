CREATE TYPE public.mood AS ENUM ('sad', 'ok');
COMMENT ON TYPE public.mood IS 'feelings';
