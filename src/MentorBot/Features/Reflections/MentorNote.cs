namespace MentorBot.Features.Reflections;

/// <summary>A mentor's reflection about one mentee, filled in from a template. Private to the author unless shared.</summary>
internal sealed record MentorNote(
    string Id,
    string AuthorId,
    string MenteeId,
    string TemplateId,
    IReadOnlyDictionary<string, string> Answers,
    bool Shared,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Revision)
{
    public bool SameContentAs(MentorNote other) =>
        (MenteeId, TemplateId, Shared) == (other.MenteeId, other.TemplateId, other.Shared)
        && Answers.Count == other.Answers.Count
        && Answers.All(a => other.Answers.TryGetValue(a.Key, out var value) && value == a.Value);
}

/// <summary>The reflection cards' input ids and data keys.</summary>
internal static class ReflectionFields
{
    public const string Template = "template";
    public const string Note = "note";
    public const string Mentee = "mentee";
    public const string Visibility = "visibility";
    public const string Private = "private";
    public const string Shared = "shared";
    public const string AnswerPrefix = "answer-";

    public static string Answer(string fieldId) => AnswerPrefix + fieldId;
}

internal static class ReflectionVerbs
{
    public const string Open = "template.open";
    public const string Save = "note.save";
    public const string Edit = "note.edit";
    public const string ShowNotes = "notes.show";
}
