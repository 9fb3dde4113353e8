SET LOCAL lock_timeout = '5s';
DROP SEQUENCE public.invoice_no;
