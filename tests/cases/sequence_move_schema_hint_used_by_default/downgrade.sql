ALTER SEQUENCE seqs.ticket_no SET SCHEMA public;
DROP SCHEMA seqs;
