DROP INDEX public.t_a_idx;
