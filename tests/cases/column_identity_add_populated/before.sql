CREATE TABLE public.t (id bigint NOT NULL PRIMARY KEY, s text);
