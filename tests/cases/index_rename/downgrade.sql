ALTER INDEX public.t_by_a RENAME TO t_a_idx;
