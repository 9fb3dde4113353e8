ALTER TABLE public.t RENAME COLUMN qty TO quantity;
