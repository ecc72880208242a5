-- An invoke's kept answer, compressed (Brotli): a card's JSON is a few kilobytes and compresses to a third of that or
-- less, so the row fits its page and each button press writes less. response_json stays for rows written before this
-- and is no longer written. BYTEA is PostgreSQL's binary type; SQLite keeps the bytes as a BLOB under that name.
ALTER TABLE processed_activities ADD COLUMN response_compressed BYTEA NULL;
