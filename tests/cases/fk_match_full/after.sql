CREATE TABLE public.parent (id int NOT NULL, code text NOT NULL, region int NOT NULL, PRIMARY KEY (id), UNIQUE (code, region));
CREATE TABLE public.child (id int PRIMARY KEY, parent_id int, code text, region int, CONSTRAINT child_code_fkey FOREIGN KEY (code, region) REFERENCES public.parent (code, region) MATCH FULL);
