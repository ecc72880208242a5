using MentorBot.Persistence;

namespace MentorBot.Features.Privacy;

/// <summary>Which of a person's keys finds their rows in a table.</summary>
internal enum SubjectKey
{
    /// <summary>Their map id (@id).</summary>
    MapId,

    /// <summary>Their Entra object id (@aad): what Teams knows them by.</summary>
    ObjectId,

    /// <summary>Either, or their audit pseudonym (@audit).</summary>
    Any,
}

/// <summary>A table that can hold someone's personal data, and how to find their rows.</summary>
internal sealed record PersonalTable(string Name, string Where, string OrderBy, SubjectKey Key = SubjectKey.MapId)
{
    public bool Applies(DataSubject subject) => Key switch
    {
        SubjectKey.MapId => subject.Id is not null,
        SubjectKey.ObjectId => subject.AadObjectId is not null,
        _ => true,
    };
}

/// <summary>
/// Every table in MentorBot's schema, sorted into those that hold personal data (exported, erased) and those that do
/// not. A test compares this with the live schema, so a new table cannot be forgotten: add it here, to
/// <see cref="PersonalDataEraser"/> (and <see cref="AnswerRetention"/> if it holds free text), and to docs/PRIVACY.md.
/// </summary>
internal static class PersonalDataCatalog
{
    /// <summary>Tables with no personal data: lanes, the programme's name, when circle debriefs open, schema versions, the map's change counter. Hangfire's state (its own schema or file) holds job ids and times only.</summary>
    /// <remarks>Pulse answers and comments hold no link to a person by design (see docs/PRIVACY.md); runs are schedule data.</remarks>
    public static IReadOnlyList<string> NotPersonal { get; } = ["map_lanes", "map_programme", "map_ladder_steps", "map_competencies", "map_generation", "circle_debriefs", "schema_migrations", "pulse_runs", .. Pulses.PulseBallotBox.AnswerTables];

    public static IReadOnlyList<PersonalTable> Tables(Database database)
    {
        var pairings = "(SELECT id FROM map_mentorships WHERE mentor_id = @id OR mentee_id = @id)";
        var inMembers = database.Provider == StorageProvider.Postgres
            ? "strpos(',' || members || ',', ',' || @id || ',') > 0"
            : "instr(',' || members || ',', ',' || @id || ',') > 0";
        return
        [
            new("map_people", "id = @id", "id"),
            new("map_units", "escalation_contact_id = @id", "id"),
            new("map_leader_scopes", "leader_id = @id", "kind, unit_id"),
            new("map_mentorships", "mentor_id = @id OR mentee_id = @id", "start_date, id"),
            new("map_circles", $"facilitator_id = @id OR {inMembers}", "id"),
            new("checkin_periods", "person_id = @id", "opens_at_ms, id"),
            new("checkin_answers", "person_id = @id", "submitted_at_ms, period_id"),
            new("checkin_pauses", "person_id = @id", "person_id"),
            new("checkin_replies", "mentor_id = @id OR mentee_id = @id", "created_at_ms, id"),
            new("calibrations", $"person_id = @id OR mentorship_id IN {pairings}", "asked_at_ms, mentorship_id, person_id"),
            new("circle_answers", "person_id = @id", "submitted_at_ms, debrief_id"),
            new("quarterly_reviews", $"person_id = @id OR mentorship_id IN {pairings}", "asked_at_ms, mentorship_id, person_id"),
            new("coaching_deliveries", "person_id = @id", "created_at_ms, id"),
            new("mentor_notes", "author_id = @id OR mentee_id = @id", "created_at_ms, id"),
            new("bookings", "mentor_id = @id OR mentee_id = @id OR requester_id = @id", "created_at_ms, id"),
            new("local_calendar_blocks", "person_id = @id", "weekday, start_local, id"),
            new("local_calendar_events", "organizer_id = @id OR attendee_id = @id", "start_ms, id"),
            new("outbox", "person_id = @id", "created_at_ms, id"),
            new("match_runs", "created_by = @id", "created_at_ms, id"),
            new("match_suggestions", "mentee_id = @id OR mentor_id = @id", "run_id, position"),
            new("match_unmatched", "mentee_id = @id", "run_id"),
            new("rematch_requests", "mentee_id = @id OR mentor_id = @id", "created_at_ms, mentorship_id"),
            new("concerns", "sender_id = @id OR recipient_id = @id OR acknowledged_by = @id OR resolved_by = @id OR id IN (SELECT concern_id FROM concern_relay WHERE sender_id = @id)", "raised_at_ms, id"),
            new("concern_relay", "sender_id = @id", "concern_id"),
            new("concern_messages", "author_id = @id OR concern_id IN (SELECT id FROM concerns WHERE sender_id = @id OR recipient_id = @id) OR concern_id IN (SELECT concern_id FROM concern_relay WHERE sender_id = @id)", "concern_id, seq"),
            new("pulses", "created_by = @id", "created_at_ms, id"),
            new("digest_settings", "leader_id = @id", "leader_id"),
            new("pulse_responded", "person_id = @id", "run_id"),
            new("person_history", "person_id = @id", "at_ms, id"),
            new("competency_events", "person_id = @id OR actor_id = @id", "at_ms, id"),
            new("competency_status", "person_id = @id OR validator_id = @id", "competency_id, person_id"),
            new("independence", "person_id = @id", "person_id"),
            new("onboarding_phases", "person_id = @id", "person_id"),
            new("pilots", "started_by = @id", "created_at_ms, id"),
            new("conversation_references", "aad_object_id = @aad", "created_at_ms, conversation_id", SubjectKey.ObjectId),
            new("processed_activities", "EXISTS (SELECT 1 FROM conversation_references c WHERE c.aad_object_id = @aad AND substr(activity_key, 1, length(c.conversation_id) + 1) = c.conversation_id || '|')", "received_at_ms, activity_key", SubjectKey.ObjectId),
            new("audit_log", "subject = @id OR actor = @id OR subject = @aad OR subject = @audit OR actor = @audit", "at_ms, id", SubjectKey.Any),
        ];
    }
}
