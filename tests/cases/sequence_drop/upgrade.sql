DROP SEQUENCE public.invoice_no;
