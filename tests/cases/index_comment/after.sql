CREATE TABLE public.t (id int PRIMARY KEY, a int, b text, c jsonb, d timestamptz);
CREATE INDEX t_a_idx ON public.t (a);
COMMENT ON INDEX public.t_a_idx IS 'by a';
