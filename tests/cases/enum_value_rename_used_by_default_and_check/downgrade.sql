ALTER TYPE public.mood RENAME VALUE 'fine' TO 'ok';
