ALTER TYPE public.status ADD VALUE 'running' AFTER 'new';
