SET LOCAL lock_timeout = '5s';
ALTER TABLE public.notes RENAME TO memos;
ALTER TABLE public.memos RENAME COLUMN owner TO author;
ALTER TABLE public.memos RENAME CONSTRAINT notes_pkey TO memos_pkey;
