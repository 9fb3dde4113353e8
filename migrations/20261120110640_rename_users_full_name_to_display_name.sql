-- aludel: revision 20261120110640_rename_users_full_name_to_display_name
-- aludel: parents 20261119110640_add_usage_records
-- aludel: message rename users full_name to display_name
-- aludel: transaction per-migration

-- aludel: upgrade
ALTER TABLE public.users RENAME COLUMN full_name TO display_name;
ALTER INDEX public.users_full_name_lower_idx RENAME TO users_display_name_lower_idx;

-- aludel: downgrade
ALTER INDEX public.users_display_name_lower_idx RENAME TO users_full_name_lower_idx;
ALTER TABLE public.users RENAME COLUMN display_name TO full_name;
