CREATE TABLE public.t (id int PRIMARY KEY, n bigint CONSTRAINT t_n_check CHECK (n >= 0));
CREATE INDEX t_n_idx ON public.t (n) WHERE n > 10;
