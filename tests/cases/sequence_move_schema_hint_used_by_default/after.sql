CREATE SCHEMA seqs;
CREATE SEQUENCE seqs.ticket_no START WITH 100;
CREATE TABLE public.tickets (no bigint DEFAULT nextval('seqs.ticket_no'), t text);
