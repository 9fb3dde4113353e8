SET LOCAL lock_timeout = '5s';
CREATE SEQUENCE public.invoice_no AS bigint;
