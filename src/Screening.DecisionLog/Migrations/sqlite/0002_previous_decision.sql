-- A decision made after answering what an earlier one found missing names that earlier decision (both ways on the
-- coordinator pages: the earlier decision finds the ones that follow it through the index).
ALTER TABLE decisions ADD COLUMN previous_decision_id TEXT;
CREATE INDEX decisions_by_previous ON decisions (previous_decision_id);
