SET LOCAL lock_timeout = '5s';
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app';
