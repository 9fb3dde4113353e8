CREATE TABLE public.t (id bigint);
CREATE SEQUENCE public.s OWNED BY public.t.id;
