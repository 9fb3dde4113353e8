SET LOCAL lock_timeout = '5s';
ALTER INDEX public.t_a_idx RENAME TO t_by_a;
