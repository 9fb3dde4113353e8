CREATE TYPE public.mood AS ENUM ('d', 'b');
CREATE TABLE public.t0_n (id bigint PRIMARY KEY, c2 public.mood NOT NULL CHECK (c2 >= 'd'));
