DROP INDEX public.t_lower_b_idx;
