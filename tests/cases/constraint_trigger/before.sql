CREATE TABLE public.accounts (id bigint PRIMARY KEY, status varchar(20) NOT NULL, balance int NOT NULL DEFAULT 0);
CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
