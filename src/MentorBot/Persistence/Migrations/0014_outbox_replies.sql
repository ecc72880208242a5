-- A reply that could not be sent during its turn (the bot's token or the connector was unavailable) waits in the
-- outbox as the activity it would have sent, addressed to the conversation it answers, and is sent once the connector
-- is back. Unlike every other item it holds its content (a reply answers what was asked then, and cannot be rendered
-- again later); the content is erased as soon as the item leaves the queue, sent or not.
ALTER TABLE outbox ADD COLUMN conversation_id TEXT NULL;
ALTER TABLE outbox ADD COLUMN prepared_activity TEXT NULL;
