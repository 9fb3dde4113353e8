SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE public.s1 RENAME TO s2;
