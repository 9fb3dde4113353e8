SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.t.id
ALTER TABLE public.t DROP COLUMN id;
