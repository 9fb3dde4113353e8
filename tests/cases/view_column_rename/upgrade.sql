ALTER VIEW public.v RENAME COLUMN mail TO email;
CREATE OR REPLACE VIEW public.v AS
 SELECT users.id,
    users.email
   FROM public.users;
