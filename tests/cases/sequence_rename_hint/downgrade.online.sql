SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE public.s2 RENAME TO s1;
