CREATE SCHEMA "My Schema";
CREATE TABLE "My Schema"."User Table" ("Weird Col" text DEFAULT 'it''s', "select" int);
COMMENT ON COLUMN "My Schema"."User Table"."Weird Col" IS 'a "quoted" column';
