-- The tax rate included in each sale line's price, in basis points (1900 = 19 %), as the tills journal it
-- (journal migration 5, docs/taxes.md). A line shipped before this version reads as 0 %, as it does in the till's
-- own journal: no rate was kept then. No CHECK: a copy of what the tills journaled must never refuse a shipped change.
-- Never edit a released migration: add V4__... .
ALTER TABLE sale_lines ADD COLUMN tax_rate_bp integer NOT NULL DEFAULT 0;
