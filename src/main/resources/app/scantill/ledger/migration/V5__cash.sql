-- Cash in the store ledger (docs/cash.md, docs/adr/0180): what each cash sale took and gave back, the card attempt
-- it took over while Stripe could not be reached, and each register's cash drawer. A copy of what the tills
-- journaled: no constraint here may refuse a shipped change. Never edit a released migration: add V6__... .
-- (V3 and V4 belong to taxes and discounts.)

-- One row per cash sale, written with the sale's first change and never changed after.
CREATE TABLE cash_tenders (
    sale_id          text   PRIMARY KEY,
    tendered_minor   bigint NOT NULL,
    change_minor     bigint NOT NULL,
    replaces_sale_id text
);
CREATE INDEX cash_tenders_by_replaced ON cash_tenders (replaces_sale_id);
