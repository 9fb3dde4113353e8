ALTER TYPE public.mood ADD VALUE 'awful' BEFORE 'sad';
ALTER TYPE public.mood ADD VALUE 'meh' AFTER 'sad';
