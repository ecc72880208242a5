namespace MentorBot.Features.Pulses;

internal static class PulseQuestionKind
{
    /// <summary>1 (strongly disagree) to 5 (strongly agree).</summary>
    public const string Scale = "scale";

    /// <summary>One of two to six options.</summary>
    public const string Choice = "choice";

    /// <summary>An optional comment.</summary>
    public const string Text = "text";
}

internal static class PulseAudienceKind
{
    public const string Programme = "programme";
    public const string Unit = "unit";
    public const string Level = "level";
    public const string Circle = "circle";
}

internal static class PulseSchedule
{
    public const string Once = "once";
    public const string Monthly = "monthly";
    public const string Quarterly = "quarterly";
}

internal sealed record PulseQuestion(string Id, string Kind, string Text, IReadOnlyList<string> Options)
{
    /// <summary>Every value an answer can take: 1–5 for a scale, the option's number (1-based) for a choice, none for text.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Values => Kind switch
    {
        PulseQuestionKind.Scale => ["1", "2", "3", "4", "5"],
        PulseQuestionKind.Choice => [.. Enumerable.Range(1, Options.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        _ => [],
    };
}

/// <summary>Who a pulse asks: the whole programme, a unit, everyone at a level, or a circle's members and facilitator.</summary>
internal sealed record PulseAudience(string Kind, string? Id);

/// <summary>A pulse survey: 1–5 short questions, an audience, and when it runs (once, or every month or quarter from its start).</summary>
internal sealed record Pulse(
    string Id,
    string Title,
    string? Intro,
    IReadOnlyList<PulseQuestion> Questions,
    PulseAudience Audience,
    string Schedule,
    DateTimeOffset StartsAt,
    string Source,
    string? CreatedBy);

/// <summary>One run of a pulse: open from <see cref="OpensAt"/> until <see cref="ClosesAt"/>, with the questions it asked.</summary>
internal sealed record PulseRun(
    string Id,
    string PulseId,
    int Seq,
    IReadOnlyList<PulseQuestion> Questions,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Invited,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? ResultsSentAt)
{
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

/// <summary>What one person submitted: a value per scale or choice question, and any comments. It is never stored as such.</summary>
internal sealed record PulseBallot(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Comments);

internal enum BallotOutcome
{
    Counted,
    AlreadyAnswered,
    Closed,
}

internal static class PulseVerbs
{
    public const string Answer = "pulse.answer";
    public const string Create = "pulse.create";
    public const string Results = "pulse.results";
}

internal static class PulseFields
{
    public const string Run = "run";
    public const string Pulse = "pulse";
    public const string Title = "pulseTitle";
    public const string Audience = "pulseAudience";
    public const string Schedule = "pulseSchedule";
    public const int MaxQuestions = 5;

    public static string Answer(string questionId) => "q-" + questionId;

    public static string QuestionText(int index) => $"question{index}";

    public static string QuestionKind(int index) => $"question{index}Kind";

    public static string QuestionOptions(int index) => $"question{index}Options";
}

internal static class PulseKinds
{
    public const string Invite = "pulse-invite";
    public const string Reminder = "pulse-reminder";
    public const string Results = "pulse-results";
}
