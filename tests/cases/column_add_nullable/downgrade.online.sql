SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users.nickname
ALTER TABLE public.users DROP COLUMN nickname;
