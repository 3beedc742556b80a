-- The store ledger: every till's sales as its journal holds them, shipped through each journal's
-- outbox (docs/adr/0100-store-ledger-outbox-and-one-watcher.md). Never edit a released migration:
-- add V2__..., V3__... .

-- Every change of every sale, once: the key (sale_id, change_no) makes a resent change harmless.
CREATE TABLE sale_changes (
    sale_id     text        NOT NULL,
    change_no   integer     NOT NULL CHECK (change_no >= 1),
    register_id text        NOT NULL,
    state       text        NOT NULL,
    image       jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sale_id, change_no)
);

-- Each sale as its latest change left it.
CREATE TABLE sales (
    id                text        PRIMARY KEY,
    register_id       text        NOT NULL,
    created_at        timestamptz NOT NULL,
    currency          char(3)     NOT NULL,
    total_minor       bigint      NOT NULL CHECK (total_minor >= 0),
    state             text        NOT NULL,
    attempt           integer     NOT NULL CHECK (attempt >= 1),
    payment_intent_id text,
    payment_method    text,
    updated_at        timestamptz NOT NULL,
    change_no         integer     NOT NULL,
    -- Arrival order: sales created in the same millisecond list in the order their till made them.
    arrival           bigserial   NOT NULL
);
CREATE INDEX sales_by_created ON sales (created_at);
CREATE INDEX sales_by_register ON sales (register_id, created_at);
CREATE INDEX sales_by_state ON sales (state);

CREATE TABLE sale_lines (
    sale_id           text    NOT NULL REFERENCES sales (id),
    line_no           integer NOT NULL,
    sku               text    NOT NULL,
    name              text    NOT NULL,
    unit_amount_minor bigint  NOT NULL CHECK (unit_amount_minor >= 0),
    quantity          integer NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE attempts (
    sale_id            text        NOT NULL REFERENCES sales (id),
    attempt_no         integer     NOT NULL,
    idempotency_key    text        NOT NULL UNIQUE,
    session_id         text        UNIQUE,
    session_expires_at timestamptz,
    started_at         timestamptz NOT NULL,
    PRIMARY KEY (sale_id, attempt_no)
);

CREATE TABLE state_changes (
    sale_id    text        NOT NULL REFERENCES sales (id),
    entry_no   integer     NOT NULL,
    at         timestamptz NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    note       text,
    PRIMARY KEY (sale_id, entry_no)
);

-- Which till holds which register (the advisory lock decides; this row names the machine).
CREATE TABLE registers (
    register_id text        PRIMARY KEY,
    machine     text        NOT NULL,
    pid         bigint      NOT NULL,
    opened_at   timestamptz NOT NULL
);

-- The store's one Stripe watcher (the advisory lock decides who; this row says how it goes).
CREATE TABLE watcher (
    id            integer     PRIMARY KEY CHECK (id = 1),
    register_id   text        NOT NULL,
    machine       text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('watching', 'no_permission')),
    since         timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL,
    events_since  bigint
);

-- Stripe's events already acted on, so an overlap or a new watcher never acts twice.
CREATE TABLE seen_events (
    event_id text        PRIMARY KEY,
    created  bigint      NOT NULL,
    seen_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seen_events_by_created ON seen_events (created);

-- The last word of Stripe's events on each Checkout Session, for the till that awaits it.
CREATE TABLE stripe_outcomes (
    session_id          text        PRIMARY KEY,
    sale_id             text,
    event_id            text        NOT NULL,
    event_type          text        NOT NULL,
    event_created       bigint      NOT NULL,
    status              text        NOT NULL,
    payment_status      text        NOT NULL,
    payment_intent_id   text,
    payment_method      text,
    amount_total        bigint,
    currency            char(3),
    livemode            boolean     NOT NULL,
    session_created     bigint,
    session_expires_at  bigint,
    attempt             text,
    recorded_at         timestamptz NOT NULL DEFAULT now()
);
