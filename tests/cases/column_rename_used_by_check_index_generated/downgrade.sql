ALTER TABLE public.t RENAME COLUMN quantity TO qty;
