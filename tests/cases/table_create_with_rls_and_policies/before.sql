CREATE TABLE public.other (id bigint PRIMARY KEY);
