CREATE SCHEMA seqs;
ALTER SEQUENCE public.ticket_no SET SCHEMA seqs;
