SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent DROP CONSTRAINT parent_pkey;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_pkey
ALTER TABLE public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id) INCLUDE (code);
