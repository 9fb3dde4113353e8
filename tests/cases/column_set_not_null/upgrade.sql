-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.age
ALTER TABLE public.users ALTER COLUMN age SET NOT NULL;
