CREATE TYPE public.mood AS ENUM ('d');
CREATE TABLE public.t0 (id bigint PRIMARY KEY, c2 public.mood NOT NULL CHECK (c2 >= 'd'));
