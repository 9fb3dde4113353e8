SET LOCAL lock_timeout = '5s';
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE public.mood IS 'feelings';
