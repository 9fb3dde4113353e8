SET LOCAL lock_timeout = '5s';
CREATE SEQUENCE public.t_id_seq AS integer;
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
