SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent DROP CONSTRAINT parent_pkey;
-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_pkey
CREATE UNIQUE INDEX CONCURRENTLY parent_pkey ON public.parent USING btree (id);
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY USING INDEX parent_pkey;
