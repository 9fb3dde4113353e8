CREATE SCHEMA "Odd";
CREATE TYPE "Odd"."Mood Type" AS ENUM ('a', 'b', 'c');
CREATE TABLE "Odd".t (id int PRIMARY KEY, m "Odd"."Mood Type" DEFAULT 'a', CONSTRAINT t_m_check CHECK (m <> 'c'));
CREATE INDEX t_m_idx ON "Odd".t (id) WHERE m = 'b';
