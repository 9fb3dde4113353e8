CREATE TYPE public.mood AS ENUM ('a', 'b');
CREATE TABLE public.p (id int PRIMARY KEY, m public.mood DEFAULT 'a');
CREATE TABLE public.c (id int PRIMARY KEY, p_id int NOT NULL REFERENCES public.p (id) ON DELETE CASCADE);
CREATE INDEX c_p_id_idx ON public.c (p_id);
