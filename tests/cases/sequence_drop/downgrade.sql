CREATE SEQUENCE public.invoice_no AS bigint;
