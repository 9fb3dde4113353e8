-- aludel: revision 20260103000000_merge
-- aludel: parents 20260102000000_agents 20260102000000_users
-- aludel: message merge

-- aludel: upgrade

-- aludel: downgrade
