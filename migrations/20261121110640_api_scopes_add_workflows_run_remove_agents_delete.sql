-- aludel: revision 20261121110640_api_scopes_add_workflows_run_remove_agents_delete
-- aludel: parents 20261120110640_rename_users_full_name_to_display_name
-- aludel: message api scopes: add workflows-run, remove agents-delete
-- aludel: transaction per-migration
-- aludel: hazard data-loss public.api_scope.agents-delete
-- aludel: hazard rewrites-table public.api_scope
-- aludel: hazard may-fail-on-existing-rows public.api_scope

-- aludel: upgrade
-- hazard: data-loss public.api_scope.agents-delete
-- hazard: rewrites-table public.api_scope
-- hazard: may-fail-on-existing-rows public.api_scope
ALTER TYPE public.api_scope RENAME TO api_scope_old;
CREATE TYPE public.api_scope AS ENUM ('agents-read', 'agents-write', 'workflows-run', '*');
COMMENT ON TYPE public.api_scope IS 'permissions granted to an API key';
ALTER TABLE public.api_keys ALTER COLUMN scopes DROP DEFAULT;
ALTER TABLE public.api_keys ALTER COLUMN scopes TYPE public.api_scope[] USING scopes::text[]::public.api_scope[];
ALTER TABLE public.api_keys ALTER COLUMN scopes SET DEFAULT '{}'::public.api_scope[];
DROP TYPE public.api_scope_old;

-- aludel: downgrade
-- hazard: data-loss public.api_scope.workflows-run
-- hazard: rewrites-table public.api_scope
-- hazard: may-fail-on-existing-rows public.api_scope
ALTER TYPE public.api_scope RENAME TO api_scope_old;
CREATE TYPE public.api_scope AS ENUM ('agents-read', 'agents-write', 'agents-delete', '*');
COMMENT ON TYPE public.api_scope IS 'permissions granted to an API key';
ALTER TABLE public.api_keys ALTER COLUMN scopes DROP DEFAULT;
ALTER TABLE public.api_keys ALTER COLUMN scopes TYPE public.api_scope[] USING scopes::text[]::public.api_scope[];
ALTER TABLE public.api_keys ALTER COLUMN scopes SET DEFAULT '{}'::public.api_scope[];
DROP TYPE public.api_scope_old;
