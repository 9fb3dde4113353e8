-- aludel: revision 20261202080402_updated_at_trigger_on_agents_and_workflows
-- aludel: parents 20261122110640_partial_active_agents_index_execution_time_check
-- aludel: message updated_at trigger on agents and workflows
-- aludel: transaction per-migration

-- aludel: upgrade
CREATE OR REPLACE FUNCTION public.set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$function$;
COMMENT ON FUNCTION public.set_updated_at() IS 'sets updated_at to now() on every update';
ALTER TABLE public.workflows ADD COLUMN updated_at timestamp with time zone;
COMMENT ON COLUMN public.workflows.updated_at IS 'Set by the `workflows_set_updated_at` trigger (`sql/set_updated_at.sql`).';
CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER workflows_set_updated_at BEFORE UPDATE ON public.workflows FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
COMMENT ON COLUMN public.agents.updated_at IS 'Set by the `agents_set_updated_at` trigger (`sql/set_updated_at.sql`).';

-- aludel: downgrade
COMMENT ON COLUMN public.agents.updated_at IS NULL;
DROP TRIGGER workflows_set_updated_at ON public.workflows;
DROP TRIGGER agents_set_updated_at ON public.agents;
-- hazard: data-loss public.workflows.updated_at
ALTER TABLE public.workflows DROP COLUMN updated_at;
DROP FUNCTION public.set_updated_at();
