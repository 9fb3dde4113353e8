SET LOCAL lock_timeout = '5s';
ALTER TABLE public.child DROP CONSTRAINT child_code_fkey;
-- hazard: blocks-writes public.child
-- hazard: may-fail-on-existing-rows public.child.child_code_fkey
ALTER TABLE public.child ADD CONSTRAINT child_code_fkey FOREIGN KEY (code, region) REFERENCES public.parent (code, region) NOT VALID;
ALTER TABLE public.child VALIDATE CONSTRAINT child_code_fkey;
