CREATE TABLE public.t (id int PRIMARY KEY, quantity int CONSTRAINT t_qty_check CHECK (quantity > 0), twice int GENERATED ALWAYS AS (quantity * 2) STORED);
CREATE INDEX t_qty_idx ON public.t ((quantity + 1)) WHERE quantity < 100;
