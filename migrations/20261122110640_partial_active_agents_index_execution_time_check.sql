-- aludel: revision 20261122110640_partial_active_agents_index_execution_time_check
-- aludel: parents 20261121110640_api_scopes_add_workflows_run_remove_agents_delete
-- aludel: message partial active agents index, execution time check
-- aludel: transaction per-migration
-- aludel: hazard blocks-writes public.agents
-- aludel: hazard blocks-writes public.executions
-- aludel: hazard may-fail-on-existing-rows public.executions.executions_check

-- aludel: upgrade
DROP INDEX public.agents_active_idx;
-- hazard: blocks-writes public.agents
CREATE INDEX agents_active_idx ON public.agents USING btree (account_id) WHERE is_active;
-- hazard: blocks-writes public.executions
-- hazard: may-fail-on-existing-rows public.executions.executions_check
ALTER TABLE public.executions ADD CONSTRAINT executions_check CHECK (((finished_at IS NULL) OR (finished_at >= started_at)));

-- aludel: downgrade
ALTER TABLE public.executions DROP CONSTRAINT executions_check;
DROP INDEX public.agents_active_idx;
-- hazard: blocks-writes public.agents
CREATE INDEX agents_active_idx ON public.agents USING btree (account_id);
