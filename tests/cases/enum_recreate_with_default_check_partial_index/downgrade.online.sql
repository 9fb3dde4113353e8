SET LOCAL lock_timeout = '5s';
-- rebuilt: public.people_ok_idx depends on public.mood
DROP INDEX public.people_ok_idx;
-- rebuilt: public.people_expr_idx depends on public.mood
DROP INDEX public.people_expr_idx;
-- rebuilt: public.people.people_mood_check depends on public.mood
ALTER TABLE public.people DROP CONSTRAINT people_mood_check;
-- rebuilt: public.notes.notes_body_check depends on public.mood
ALTER TABLE public.notes DROP CONSTRAINT notes_body_check;
-- hazard: rewrites-table public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy', 'gone');
ALTER TABLE public.people ALTER COLUMN mood DROP DEFAULT;
ALTER TABLE public.people ALTER COLUMN past DROP DEFAULT;
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
ALTER TABLE public.people ALTER COLUMN past TYPE public.mood[] USING past::text[]::public.mood[];
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'ok'::public.mood;
ALTER TABLE public.people ALTER COLUMN past SET DEFAULT '{sad}'::public.mood[];
DROP TYPE public.mood_old;
-- hazard: blocks-writes public.people
-- rebuilt: public.people_ok_idx depends on public.mood
CREATE INDEX people_ok_idx ON public.people USING btree (id) WHERE (mood = 'ok'::public.mood);
-- hazard: blocks-writes public.people
-- rebuilt: public.people_expr_idx depends on public.mood
CREATE INDEX people_expr_idx ON public.people USING btree ((((mood = 'happy'::public.mood))));
-- hazard: blocks-writes public.people
-- hazard: may-fail-on-existing-rows public.people.people_mood_check
-- rebuilt: public.people.people_mood_check depends on public.mood
ALTER TABLE public.people ADD CONSTRAINT people_mood_check CHECK ((mood <> 'sad'::public.mood));
-- hazard: blocks-writes public.notes
-- hazard: may-fail-on-existing-rows public.notes.notes_body_check
-- rebuilt: public.notes.notes_body_check depends on public.mood
ALTER TABLE public.notes ADD CONSTRAINT notes_body_check CHECK (((body)::public.mood <> 'happy'::public.mood));
