SET LOCAL lock_timeout = '5s';
-- rebuilt: public.job_open_idx depends on public.status
DROP INDEX public.job_open_idx;
-- rebuilt: public.job.job_s_check depends on public.status
ALTER TABLE public.job DROP CONSTRAINT job_s_check;
-- hazard: data-loss public.status.running
-- hazard: rewrites-table public.status
-- hazard: may-fail-on-existing-rows public.status
ALTER TYPE public.status RENAME TO status_old;
CREATE TYPE public.status AS ENUM ('new', 'done');
ALTER TABLE public.job ALTER COLUMN s DROP DEFAULT;
ALTER TABLE public.job ALTER COLUMN s TYPE public.status USING s::text::public.status;
ALTER TABLE public.job ALTER COLUMN s SET DEFAULT 'new'::public.status;
DROP TYPE public.status_old;
-- hazard: blocks-writes public.job
-- rebuilt: public.job_open_idx depends on public.status
CREATE INDEX job_open_idx ON public.job USING btree (id) WHERE (s = 'new'::public.status);
-- hazard: blocks-writes public.job
-- hazard: may-fail-on-existing-rows public.job.job_s_check
-- rebuilt: public.job.job_s_check depends on public.status
ALTER TABLE public.job ADD CONSTRAINT job_s_check CHECK (((s <> 'done'::public.status) OR (id > 0)));
