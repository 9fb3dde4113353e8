CREATE TABLE public.p (id int PRIMARY KEY, a int NOT NULL, g int GENERATED ALWAYS AS (a * 3) STORED, CONSTRAINT p_g_key UNIQUE (g), CONSTRAINT p_g_check CHECK (g >= 0));
CREATE INDEX p_g_idx ON public.p (g) WHERE g > 10;
CREATE TABLE public.c (id int PRIMARY KEY, pg int REFERENCES public.p (g));
