using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.Concerns;

/// <summary>The map as concerns need it: names, units and the routing rules, read once per action.</summary>
internal sealed record ConcernContext(MentorshipMap Map, IReadOnlyDictionary<string, Person> People)
{
    public string NameOf(string? id) => id is not null && People.TryGetValue(id, out var person) ? person.Name : string.Empty;

    public string? UnitName(string? unitId) => Map.Units.FirstOrDefault(u => u.Id == unitId)?.Name;
}

/// <summary>
/// Turns a stored concern into what one reader sees. A handler's view is built from the concern row alone, which for
/// an anonymous concern names no sender; only the sender's own view knows it is theirs.
/// </summary>
internal sealed class ConcernReader(MapStore map, ConcernStore store)
{
    public async Task<ConcernContext> ContextAsync(CancellationToken cancellationToken)
    {
        var current = await map.LoadAsync(cancellationToken);
        return new ConcernContext(current, current.People.ToDictionary(p => p.Id, StringComparer.Ordinal));
    }

    public async Task<AdaptiveCard> HandlerCardAsync(ConcernContext context, Concern concern, Person reader, ConcernHeadline headline, CancellationToken cancellationToken)
    {
        var view = View(context, concern, await store.MessagesAsync(concern.Id, cancellationToken), reader, readerIsSender: false);
        return ConcernHandlerCard.Build(view, reader.Name, concern.RecipientId != reader.Id, headline);
    }

    public async Task<AdaptiveCard> SenderCardAsync(ConcernContext context, Concern concern, Person reader, ConcernHeadline headline, CancellationToken cancellationToken)
    {
        var view = View(context, concern, await store.MessagesAsync(concern.Id, cancellationToken), reader, readerIsSender: true);
        return ConcernSenderCard.Build(view, headline);
    }

    public static ConcernView View(ConcernContext context, Concern concern, IReadOnlyList<ConcernMessage> messages, Person reader, bool readerIsSender)
    {
        var l = Languages.From(reader.Locale);
        string When(DateTimeOffset at) => TimeText.When(at, reader.TimeZone, l);
        string Author(ConcernMessage m) => m.FromSender
            ? readerIsSender ? l.Pick("You", "Tú") : concern.Anonymous ? l.Pick("The person who raised it", "Quien la planteó") : context.NameOf(concern.SenderId)
            : m.AuthorId == reader.Id ? l.Pick("You", "Tú") : context.NameOf(m.AuthorId);

        return new ConcernView(
            concern.Id,
            concern.Anonymous ? null : context.NameOf(concern.SenderId),
            context.NameOf(concern.RecipientId),
            concern.Target == ConcernTarget.Designated ? ConcernRole.Designated : ConcernRole.Mentor,
            context.UnitName(concern.UnitId),
            concern.Body,
            concern.Status,
            When(concern.RaisedAt),
            concern.AcknowledgedBy is null ? null : context.NameOf(concern.AcknowledgedBy),
            concern.ResolvedBy is null ? null : context.NameOf(concern.ResolvedBy),
            concern.ResolvedAt is { } resolved ? When(resolved) : null,
            [.. concern.BackupIds.Select(context.NameOf).Where(n => n.Length > 0)],
            [.. messages.Select(m => new ConcernLine(Author(m), When(m.At), m.Body))],
            l,
            // Only the sender's own view names the pairing: a handler's could narrow down who sent an anonymous concern.
            readerIsSender && concern.Target == ConcernTarget.Mentor ? Relationships.Between(context.Map.Mentorships, reader.Id, concern.RecipientId)?.Kind : null);
    }
}
