SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.t.total
ALTER TABLE public.t DROP COLUMN total;
