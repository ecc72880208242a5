namespace MentorBot.Features.Concerns;

/// <summary>Who a concern goes to: one of the sender's own mentors, or their unit's designated person (the map's escalation contact).</summary>
internal static class ConcernTarget
{
    public const string Mentor = "mentor";
    public const string Designated = "designated";
}

internal static class ConcernStatus
{
    /// <summary>Sent, and nobody has acknowledged it yet: reminders and the backup contact follow.</summary>
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}

/// <summary>
/// A raised concern. <see cref="SenderId"/> is null when it was sent without a name: only the relay (read on the
/// sender's side, never on a recipient's) knows who wrote it.
/// </summary>
internal sealed record Concern(
    string Id,
    string? SenderId,
    bool Anonymous,
    string Target,
    string RecipientId,
    string? UnitId,
    string Body,
    string Source,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? EscalatedAt,
    IReadOnlyList<string> BackupIds,
    int Revision)
{
    /// <summary>The people who may act on it: the chosen recipient and, once it went to them, the backup contacts.</summary>
    public IEnumerable<string> Handlers => BackupIds.Prepend(RecipientId).Distinct(StringComparer.Ordinal);

    public bool IsHandler(string personId) => Handlers.Contains(personId, StringComparer.Ordinal);
}

/// <summary>One message in a concern's conversation: the sender's or a handler's. A sender's message never names them.</summary>
internal sealed record ConcernMessage(string ConcernId, int Seq, bool FromSender, string? AuthorId, string Body, DateTimeOffset At);

/// <summary>A concern about to be raised: what the person typed and chose.</summary>
internal sealed record NewConcern(string Id, string SenderId, bool Anonymous, string Target, string RecipientId, string? UnitId, string Body, string Source);

internal static class ConcernVerbs
{
    public const string Compose = "concern.compose";
    public const string Send = "concern.send";
    public const string Acknowledge = "concern.ack";
    public const string Reply = "concern.reply";
    public const string Resolve = "concern.resolve";
    public const string Show = "concern.show";
}

/// <summary>The concern cards' input ids and data keys.</summary>
internal static class ConcernFields
{
    public const string Concern = "concern";
    public const string Body = "concernText";
    public const string To = "concernTo";
    public const string Anonymous = "concernAnonymous";
    public const string Reply = "concernReply";
    public const string Source = "source";
    public const string FromCheckIn = "checkin";
    public const string FromCommand = "command";

    /// <summary>The choice value for one of the sender's mentors.</summary>
    public static string MentorChoice(string mentorId) => ConcernTarget.Mentor + ":" + mentorId;
}

/// <summary>The outbox kinds of concerns. Each renders the concern's current state for its reader at send time.</summary>
internal static class ConcernKinds
{
    /// <summary>To a handler: a new concern (to the recipient, or to a backup contact once it was forwarded).</summary>
    public const string Received = "concern-received";

    /// <summary>To the recipient: still unacknowledged after <see cref="ConcernOptions.ReminderAfter"/>.</summary>
    public const string Reminder = "concern-reminder";

    /// <summary>To the handlers: the sender wrote back.</summary>
    public const string SenderReplied = "concern-sender-replied";

    /// <summary>To the sender: acknowledged, a reply, resolved, or forwarded to the backup contact.</summary>
    public const string Update = "concern-update";
}

/// <summary>What the audit log records about concerns. Details are ids and counts; an anonymous sender is never named.</summary>
internal static class ConcernAuditActions
{
    public const string Raise = "concern.raise";
    public const string Acknowledge = "concern.acknowledge";
    public const string Reply = "concern.reply";
    public const string Resolve = "concern.resolve";
    public const string Remind = "concern.remind";
    public const string Forward = "concern.forward";

    /// <summary>The audit actor for anything an anonymous sender does.</summary>
    public const string AnonymousActor = "anonymous";
}
