SET LOCAL lock_timeout = '5s';
CREATE OR REPLACE FUNCTION public.email_of(uid bigint)
 RETURNS text
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT users.email
    FROM public.users
   WHERE (users.id = email_of.uid);
END;
CREATE OR REPLACE FUNCTION public.user_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM public.users;
END;
