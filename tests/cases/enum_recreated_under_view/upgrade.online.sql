SET LOCAL lock_timeout = '5s';
-- rebuilt: public.live_agents depends on public.agents.status
DROP VIEW public.live_agents;
-- hazard: data-loss public.status.paused
-- hazard: rewrites-table public.status
-- hazard: may-fail-on-existing-rows public.status
ALTER TYPE public.status RENAME TO status_old;
CREATE TYPE public.status AS ENUM ('active', 'retired');
ALTER TABLE public.agents ALTER COLUMN status TYPE public.status USING status::text::public.status;
DROP TYPE public.status_old;
-- rebuilt: public.live_agents depends on public.agents.status
CREATE VIEW public.live_agents AS
 SELECT agents.id,
    agents.status
   FROM public.agents
  WHERE agents.status <> 'retired'::public.status;
