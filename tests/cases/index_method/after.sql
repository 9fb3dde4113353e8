CREATE TABLE public.t (id int PRIMARY KEY, a int, b text, c jsonb, d timestamptz);
CREATE INDEX t_c_idx ON public.t USING gin (c jsonb_path_ops);
CREATE INDEX t_b_hash ON public.t USING hash (b);
