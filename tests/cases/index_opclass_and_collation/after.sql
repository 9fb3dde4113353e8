CREATE TABLE public.t (id int PRIMARY KEY, a int, b text, c jsonb, d timestamptz);
CREATE INDEX t_b_idx ON public.t (b text_pattern_ops);
CREATE INDEX t_b_c_idx ON public.t (b COLLATE "C");
