namespace MentorBot.Features.Circles;

/// <summary>One month's debrief of a circle: open from one meeting to the next.</summary>
internal sealed record CircleDebrief(string Id, string CircleId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

/// <summary>A member's answer to a debrief: either shared with the circle or kept private.</summary>
internal sealed record CircleAnswer(string DebriefId, string PersonId, string? Learned, string? Need, string? Stuck, bool Shared, int Revision)
{
    public bool SameContentAs(CircleAnswer other) =>
        (Learned, Need, Stuck, Shared) == (other.Learned, other.Need, other.Stuck, other.Shared);
}

/// <summary>The card's input ids and verbs.</summary>
internal static class CircleFields
{
    public const string Debrief = "debrief";
    public const string Learned = "learned";
    public const string Need = "need";
    public const string Stuck = "stuck";
    public const string Shared = "shared";
}

internal static class CircleVerbs
{
    public const string Submit = "circle.submit";
    public const string View = "circle.view";
    public const string Edit = "circle.edit";
}
