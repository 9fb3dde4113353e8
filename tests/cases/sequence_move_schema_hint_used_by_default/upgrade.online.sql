SET LOCAL lock_timeout = '5s';
CREATE SCHEMA seqs;
ALTER SEQUENCE public.ticket_no SET SCHEMA seqs;
