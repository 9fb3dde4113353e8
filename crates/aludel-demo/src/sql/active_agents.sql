-- The agents the dashboard lists: active ones, with what the list shows. `security_invoker`:
-- a reader sees only the agents the row-level security of `agents` lets them see.
CREATE VIEW public.active_agents WITH (security_invoker = true) AS
    SELECT id, account_id, name, slug, model_type, created_at, updated_at
    FROM public.agents
    WHERE is_active;

COMMENT ON VIEW public.active_agents IS 'active agents, as the dashboard lists them';
