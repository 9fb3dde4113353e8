CREATE TABLE public.t (id int PRIMARY KEY, a int, b text, c jsonb, d timestamptz);
CREATE INDEX t_by_a ON public.t (a);
