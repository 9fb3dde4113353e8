ALTER VIEW public.v SET (check_option=local, security_barrier=true, security_invoker=true);
