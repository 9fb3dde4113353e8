SET LOCAL lock_timeout = '5s';
CREATE SEQUENCE public.invoice_no AS integer INCREMENT BY 10 MAXVALUE 900000 START WITH 1000 CACHE 5 CYCLE;
COMMENT ON SEQUENCE public.invoice_no IS 'invoices';
