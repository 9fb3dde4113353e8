CREATE TABLE public.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
CREATE TABLE public.posts (id int PRIMARY KEY, author bigint CONSTRAINT posts_author_fkey REFERENCES public.users (id));
