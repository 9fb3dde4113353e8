DROP INDEX CONCURRENTLY public.t_lower_b_idx;
