-- aludel: revision 20261202080418_active_agents_view
-- aludel: parents 20261202080402_updated_at_trigger_on_agents_and_workflows
-- aludel: message active agents view
-- aludel: transaction per-migration

-- aludel: upgrade
CREATE VIEW public.active_agents WITH (security_invoker=true) AS
 SELECT agents.id,
    agents.account_id,
    agents.name,
    agents.slug,
    agents.model_type,
    agents.created_at,
    agents.updated_at
   FROM public.agents
  WHERE agents.is_active;
COMMENT ON VIEW public.active_agents IS 'active agents, as the dashboard lists them';

-- aludel: downgrade
DROP VIEW public.active_agents;
