-- Discounts (issue 15): what each line's discount took off, and the discounts the cashier gave with their
-- reasons (line_no 0: the whole cart). Sales shipped before read as undiscounted. V3 is the tax rate per line.
ALTER TABLE sale_lines ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0);

CREATE TABLE sale_discounts (
    sale_id      text    NOT NULL REFERENCES sales (id),
    line_no      integer NOT NULL CHECK (line_no >= 0),
    kind         text    NOT NULL CHECK (kind IN ('percent', 'amount')),
    value        bigint  NOT NULL CHECK (value >= 1),
    reason       text    NOT NULL,
    note         text    NOT NULL DEFAULT '',
    amount_minor bigint  NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (sale_id, line_no)
);
