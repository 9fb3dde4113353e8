SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t RENAME COLUMN quantity TO qty;
