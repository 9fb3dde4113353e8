CREATE TYPE public.status AS ENUM ('new', 'done');
CREATE TABLE public.job (id int PRIMARY KEY, s public.status NOT NULL DEFAULT 'new', CONSTRAINT job_s_check CHECK (s <> 'done'::public.status OR id > 0));
CREATE INDEX job_open_idx ON public.job (id) WHERE s = 'new'::public.status;
