SET LOCAL lock_timeout = '5s';
-- hazard: data-loss "My Schema"."User Table"
DROP TABLE "My Schema"."User Table";
DROP SCHEMA "My Schema";
