SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people DROP CONSTRAINT people_was_check;
ALTER TABLE public.people ALTER COLUMN mood DROP DEFAULT;
-- hazard: rewrites-table public.mood
ALTER TYPE public.mood RENAME TO mood_old;
CREATE TYPE public.mood AS ENUM ('sad', 'fine', 'meh');
ALTER TABLE public.people ALTER COLUMN was DROP DEFAULT;
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::text::public.mood;
ALTER TABLE public.people ALTER COLUMN was TYPE public.mood USING was::text::public.mood;
ALTER TABLE public.people ALTER COLUMN was SET DEFAULT 'fine'::public.mood;
DROP TYPE public.mood_old;
-- hazard: blocks-writes public.people
-- hazard: may-fail-on-existing-rows public.people.people_was_check
ALTER TABLE public.people ADD CONSTRAINT people_was_check CHECK ((was <> 'fine'::public.mood)) NOT VALID;
ALTER TABLE public.people VALIDATE CONSTRAINT people_was_check;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'fine'::public.mood;
ALTER TYPE public.mood RENAME VALUE 'fine' TO 'ok';
