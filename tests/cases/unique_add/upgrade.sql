-- hazard: blocks-writes public.parent
-- hazard: may-fail-on-existing-rows public.parent.parent_code_key
ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE (code);
