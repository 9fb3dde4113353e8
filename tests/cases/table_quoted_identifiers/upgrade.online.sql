SET LOCAL lock_timeout = '5s';
CREATE SCHEMA "My Schema";
CREATE TABLE "My Schema"."User Table" (
    "Weird Col" text DEFAULT 'it''s'::text,
    "select" integer
);
COMMENT ON COLUMN "My Schema"."User Table"."Weird Col" IS 'a "quoted" column';
