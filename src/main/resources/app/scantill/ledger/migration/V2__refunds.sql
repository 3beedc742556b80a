-- Refunds in the store ledger (docs/adr/0122-refunds-decided-in-one-place-across-the-store.md): shipped through
-- each till's outbox like sales, keyed by refund and change number; and reserved here, under a lock on the sale,
-- for the sales whose refunds the store decides. Never edit a released migration: add V3__... .

-- A sale whose register handed its refunds to the store: from then on the ledger decides every refund of it.
ALTER TABLE sales ADD COLUMN refunds_in_store boolean NOT NULL DEFAULT false;

-- Every change of every refund, once: the key (refund_id, change_no) makes a resent change harmless.
CREATE TABLE refund_changes (
    refund_id   text        NOT NULL,
    change_no   integer     NOT NULL CHECK (change_no >= 1),
    sale_id     text        NOT NULL,
    register_id text        NOT NULL,
    status      text        NOT NULL,
    image       jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (refund_id, change_no)
);

-- Each refund as its latest change left it (change_no 0: known only from its reservation so far). A copy of what
-- the tills journaled: no constraint here may refuse a shipped change, or a till's outbox would stop behind it.
CREATE TABLE refunds (
    id                text        PRIMARY KEY,
    sale_id           text        NOT NULL,
    register_id       text        NOT NULL,
    created_at        timestamptz NOT NULL,
    currency          char(3)     NOT NULL,
    amount_minor      bigint      NOT NULL,
    reason            text        NOT NULL,
    payment_intent_id text,
    payment_method    text,
    idempotency_key   text        NOT NULL,
    status            text        NOT NULL,
    stripe_refund_id  text,
    failure_reason    text,
    updated_at        timestamptz NOT NULL,
    store_decides     boolean     NOT NULL,
    change_no         integer     NOT NULL,
    -- When the ledger reserved it (a refund the store decides); null for one its selling register decided.
    reserved_at       timestamptz,
    arrival           bigserial   NOT NULL
);
CREATE INDEX refunds_by_sale ON refunds (sale_id, created_at);
CREATE INDEX refunds_by_created ON refunds (created_at);
CREATE INDEX refunds_by_status ON refunds (status);

CREATE TABLE refund_lines (
    refund_id text    NOT NULL REFERENCES refunds (id),
    line_no   integer NOT NULL,
    sale_line integer NOT NULL,
    quantity  integer NOT NULL,
    PRIMARY KEY (refund_id, line_no)
);

-- Another register asked for the sale's refunds to be handed to the store; its register does so and says so
-- through its outbox (sales.refunds_in_store).
CREATE TABLE refund_handovers (
    sale_id  text        PRIMARY KEY,
    asked_by text        NOT NULL,
    asked_at timestamptz NOT NULL DEFAULT now()
);
