CREATE TABLE public.parent (id int NOT NULL, code text NOT NULL, region int NOT NULL, CONSTRAINT parent_pkey PRIMARY KEY (id));
CREATE TABLE public.child (id int PRIMARY KEY, parent_id int REFERENCES public.parent (id));
