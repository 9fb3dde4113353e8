CREATE TABLE public.parent (id int NOT NULL, code text NOT NULL, region int NOT NULL, PRIMARY KEY (id), CONSTRAINT parent_code_key UNIQUE NULLS NOT DISTINCT (code));
CREATE TABLE public.child (id int PRIMARY KEY, parent_code text REFERENCES public.parent (code) ON DELETE CASCADE);
