CREATE TABLE public.parent (id int NOT NULL, code text NOT NULL, region int NOT NULL, PRIMARY KEY (id) INCLUDE (code));
