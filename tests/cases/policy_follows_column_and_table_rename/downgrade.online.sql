SET LOCAL lock_timeout = '5s';
ALTER TABLE public.memos RENAME CONSTRAINT memos_pkey TO notes_pkey;
ALTER TABLE public.memos RENAME COLUMN author TO owner;
ALTER TABLE public.memos RENAME TO notes;
