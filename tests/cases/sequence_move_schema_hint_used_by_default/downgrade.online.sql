SET LOCAL lock_timeout = '5s';
ALTER SEQUENCE seqs.ticket_no SET SCHEMA public;
DROP SCHEMA seqs;
