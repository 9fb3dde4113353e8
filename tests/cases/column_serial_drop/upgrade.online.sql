SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT;
DROP SEQUENCE public.t_id_seq;
