SET LOCAL lock_timeout = '5s';
ALTER INDEX public.t_by_a RENAME TO t_a_idx;
