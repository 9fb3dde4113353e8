CREATE TABLE public.parent (id int NOT NULL, code text NOT NULL, region int NOT NULL, PRIMARY KEY (id), UNIQUE (code, region));
CREATE TABLE public.child (id int PRIMARY KEY, parent_id int, code text, region int, FOREIGN KEY (code, region) REFERENCES public.parent (code, region) ON DELETE SET NULL (code));
