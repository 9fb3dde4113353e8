SET LOCAL lock_timeout = '5s';
-- rebuilt: "Odd".t_m_idx depends on "Odd"."Mood Type"
DROP INDEX "Odd".t_m_idx;
-- rebuilt: "Odd".t.t_m_check depends on "Odd"."Mood Type"
ALTER TABLE "Odd".t DROP CONSTRAINT t_m_check;
-- hazard: rewrites-table "Odd"."Mood Type"
ALTER TYPE "Odd"."Mood Type" RENAME TO "Mood Type_old";
CREATE TYPE "Odd"."Mood Type" AS ENUM ('a', 'b', 'c');
ALTER TABLE "Odd".t ALTER COLUMN m DROP DEFAULT;
ALTER TABLE "Odd".t ALTER COLUMN m TYPE "Odd"."Mood Type" USING m::text::"Odd"."Mood Type";
ALTER TABLE "Odd".t ALTER COLUMN m SET DEFAULT 'a'::"Odd"."Mood Type";
DROP TYPE "Odd"."Mood Type_old";
-- hazard: blocks-writes "Odd".t
-- rebuilt: "Odd".t_m_idx depends on "Odd"."Mood Type"
CREATE INDEX t_m_idx ON "Odd".t USING btree (id) WHERE (m = 'b'::"Odd"."Mood Type");
-- hazard: blocks-writes "Odd".t
-- hazard: may-fail-on-existing-rows "Odd".t.t_m_check
-- rebuilt: "Odd".t.t_m_check depends on "Odd"."Mood Type"
ALTER TABLE "Odd".t ADD CONSTRAINT t_m_check CHECK ((m <> 'c'::"Odd"."Mood Type"));
