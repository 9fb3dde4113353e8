SET LOCAL lock_timeout = '5s';
CREATE TYPE public.mood AS ENUM ('sad', 'ok');
