SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.child
-- hazard: may-fail-on-existing-rows public.child.child_code_region_fkey
ALTER TABLE public.child ADD CONSTRAINT child_code_region_fkey FOREIGN KEY (code, region) REFERENCES public.parent (code, region) ON DELETE SET NULL (code) NOT VALID;
ALTER TABLE public.child VALIDATE CONSTRAINT child_code_region_fkey;
