ALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine';
ALTER TABLE public.people ALTER COLUMN mood DROP DEFAULT;
ALTER TABLE public.people DROP CONSTRAINT people_was_check;
-- hazard: data-loss public.mood.meh
-- hazard: rewrites-table public.mood
-- hazard: may-fail-on-existing-rows public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'fine');
ALTER TABLE public.people ALTER COLUMN was DROP DEFAULT;
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
ALTER TABLE public.people ALTER COLUMN was TYPE public.mood USING was::text::public.mood;
ALTER TABLE public.people ALTER COLUMN was SET DEFAULT 'fine'::public.mood;
DROP TYPE public.mood_old;
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'sad'::public.mood;
-- hazard: blocks-writes public.people
-- hazard: may-fail-on-existing-rows public.people.people_was_check
ALTER TABLE public.people ADD CONSTRAINT people_was_check CHECK ((was <> 'sad'::public.mood));
