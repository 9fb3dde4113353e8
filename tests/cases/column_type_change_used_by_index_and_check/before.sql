CREATE TABLE public.t (id int PRIMARY KEY, n int CHECK (n >= 0));
CREATE INDEX t_n_idx ON public.t (n) WHERE n > 10;
