CREATE TABLE public.t (id int PRIMARY KEY, qty int CHECK (qty > 0), twice int GENERATED ALWAYS AS (qty * 2) STORED);
CREATE INDEX t_qty_idx ON public.t ((qty + 1)) WHERE qty < 100;
