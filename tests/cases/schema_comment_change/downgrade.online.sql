SET LOCAL lock_timeout = '5s';
COMMENT ON SCHEMA app IS 'old';
