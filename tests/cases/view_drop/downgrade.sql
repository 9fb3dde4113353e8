CREATE VIEW public.v AS
 SELECT users.id
   FROM public.users;
CREATE VIEW public.w AS
 SELECT v.id
   FROM public.v;
