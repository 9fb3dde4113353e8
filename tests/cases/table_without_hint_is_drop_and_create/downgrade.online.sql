SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.accounts
DROP TABLE public.accounts;
CREATE TABLE public.users (
    id bigint NOT NULL,
    email text NOT NULL,
    age integer,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
