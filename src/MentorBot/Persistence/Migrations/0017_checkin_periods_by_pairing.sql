-- Opening a period closes its pairing's earlier unanswered one as missed, which looks periods up by pairing. Without
-- this index each opening read the whole table: 20,000 check-ins due in one minute took minutes, not seconds.
CREATE INDEX ix_checkin_periods_mentorship ON checkin_periods (mentorship_id, status, opens_at_ms);
