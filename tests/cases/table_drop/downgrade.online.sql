SET LOCAL lock_timeout = '5s';
CREATE TABLE public.users (
    id bigint NOT NULL,
    email text NOT NULL,
    age integer,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
