-- diagnostic: table public.users is dropped and table public.accounts with the same columns is added; hint: if this is a rename, mark the new table `renamed_from = "users"` so no data is lost
SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users
DROP TABLE public.users;
CREATE TABLE public.accounts (
    id bigint NOT NULL,
    email text NOT NULL,
    age integer,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
