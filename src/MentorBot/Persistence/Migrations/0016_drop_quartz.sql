-- Hangfire replaced Quartz.NET. On PostgreSQL, Quartz kept its triggers in MentorBot's database (tables qrtz_*);
-- Hangfire keeps its state in the schema "hangfire", which it creates itself. On SQLite, Quartz used a file of its own
-- (mentorbot.scheduler.db), which can be deleted; these statements find nothing there. Dependent tables go first.
DROP TABLE IF EXISTS qrtz_fired_triggers;
DROP TABLE IF EXISTS qrtz_paused_trigger_grps;
DROP TABLE IF EXISTS qrtz_scheduler_state;
DROP TABLE IF EXISTS qrtz_locks;
DROP TABLE IF EXISTS qrtz_simple_triggers;
DROP TABLE IF EXISTS qrtz_cron_triggers;
DROP TABLE IF EXISTS qrtz_simprop_triggers;
DROP TABLE IF EXISTS qrtz_blob_triggers;
DROP TABLE IF EXISTS qrtz_triggers;
DROP TABLE IF EXISTS qrtz_job_details;
DROP TABLE IF EXISTS qrtz_calendars;
