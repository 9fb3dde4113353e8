CREATE TABLE public.t (id int PRIMARY KEY, a int, b text, c jsonb, d timestamptz);
CREATE INDEX t_lower_b_idx ON public.t (lower(b));
