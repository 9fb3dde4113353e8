CREATE SEQUENCE public.ticket_no START WITH 100;
CREATE TABLE public.tickets (no bigint DEFAULT nextval('public.ticket_no'), t text);
