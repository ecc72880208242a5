using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Concerns;

/// <summary>One message of a concern's conversation as a reader sees it: author already worded for them, time in their zone.</summary>
internal sealed record ConcernLine(string Author, string When, string Body);

/// <summary>
/// A concern as one reader sees it. <see cref="SenderName"/> is null when it was sent without a name; the handler's
/// view is built from the concern alone, which holds no sender for an anonymous concern.
/// </summary>
internal sealed record ConcernView(
    string Id,
    string? SenderName,
    string RecipientName,
    ConcernRole RecipientRole,
    string? UnitName,
    string Body,
    string Status,
    string RaisedWhen,
    string? AcknowledgedBy,
    string? ResolvedBy,
    string? ResolvedWhen,
    IReadOnlyList<string> BackupNames,
    IReadOnlyList<ConcernLine> Messages,
    Language Language,
    MentorshipKind? RecipientKind = null)
{
    public bool Anonymous => SenderName is null;

    public bool IsResolved => Status == ConcernStatus.Resolved;
}

/// <summary>What the concern card offers: the choices (with their backups), what is typed so far, and any problem.</summary>
internal sealed record ConcernForm(
    string ConcernId,
    string Source,
    IReadOnlyList<ConcernChoice> Choices,
    string? UnitName,
    bool AllowAnonymous,
    TimeSpan ReminderAfter,
    TimeSpan BackupAfter,
    int MaxLength,
    Language Language,
    string? Body = null,
    string? Selected = null,
    bool Anonymous = false,
    string? Problem = null,
    bool CheckInSaved = false);

/// <summary>Plain words shared by the concern cards.</summary>
internal static class ConcernWords
{
    public static string Role(ConcernRole role, string? unitName, Language l, MentorshipKind? kind = null) => role switch
    {
        ConcernRole.Mentor => Relationships.Mentor(kind ?? MentorshipKind.Lane, l),
        ConcernRole.Designated => unitName is null
            ? l.Pick("the designated person for your unit", "la persona designada de tu unidad")
            : l.Pick($"the designated person for {unitName}", $"la persona designada de {unitName}"),
        ConcernRole.Manager => l.Pick("their manager", "su responsable"),
        _ => l.Pick("a programme admin", "la administración del programa"),
    };

    /// <summary>"1 day", "2 days", "12 hours", "30 minutes": a span in words.</summary>
    public static string Span(TimeSpan span, Language l)
    {
        static string Of(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
        return span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
            ? l.Pick(Of((int)span.TotalDays, "day", "days"), Of((int)span.TotalDays, "día", "días"))
            : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
                ? l.Pick(Of((int)span.TotalHours, "hour", "hours"), Of((int)span.TotalHours, "hora", "horas"))
                : l.Pick(Of((int)Math.Ceiling(span.TotalMinutes), "minute", "minutes"), Of((int)Math.Ceiling(span.TotalMinutes), "minuto", "minutos"));
    }

    public static string Names(IReadOnlyList<string> names, Language l, bool or = false) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + (or ? l.Pick(" or ", " o ") : l.Pick(" and ", " y ")) + names[^1];

    public static string StatusLine(ConcernView view, Language l) => view.Status switch
    {
        ConcernStatus.Resolved => l.Pick($"Resolved by {view.ResolvedBy}, {view.ResolvedWhen}", $"Resuelta por {view.ResolvedBy}, {view.ResolvedWhen}"),
        ConcernStatus.Acknowledged => l.Pick($"Acknowledged by {view.AcknowledgedBy}", $"Recibida por {view.AcknowledgedBy}"),
        _ => l.Pick("Waiting to be acknowledged", "Pendiente de confirmar"),
    };

    /// <summary>The concern's text and its conversation, oldest first.</summary>
    public static void AddThread(List<CardElement> body, ConcernView view)
    {
        body.Add(new Container([new TextBlock(view.Body) { Wrap = true }]) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        foreach (var line in view.Messages)
        {
            body.Add(new Container(
            [
                new TextBlock($"{line.Author} · {line.When}") { Weight = FontWeight.Bolder, Size = FontSize.Small, Wrap = true },
                new TextBlock(line.Body) { Spacing = Spacing.Small, Wrap = true },
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }
    }
}
