CREATE TYPE public.status AS ENUM ('active', 'retired');
CREATE TABLE public.agents (id bigint PRIMARY KEY, status public.status NOT NULL);
CREATE VIEW public.live_agents AS SELECT id, status FROM public.agents WHERE status <> 'retired';
