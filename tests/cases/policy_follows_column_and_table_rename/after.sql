CREATE TABLE public.memos (id bigint PRIMARY KEY, author text NOT NULL DEFAULT current_user);
ALTER TABLE public.memos ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.memos USING (author = current_user);
