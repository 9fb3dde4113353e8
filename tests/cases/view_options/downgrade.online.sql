SET LOCAL lock_timeout = '5s';
ALTER VIEW public.v RESET (check_option, security_barrier, security_invoker);
