SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.users
DROP TABLE public.users;
CREATE TABLE public.accounts (
    id bigint NOT NULL,
    email text NOT NULL,
    age integer,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
