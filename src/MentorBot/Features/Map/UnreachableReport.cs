using MentorBot.Cards;
using MentorBot.Outbox;

namespace MentorBot.Features.Map;

/// <summary>
/// Tells programme admins, at most once a day, who has cards waiting because MentorBot has no conversation with them
/// yet. Their cards stay queued and go out as soon as they open the app.
/// </summary>
internal sealed class UnreachableReport(OutboxStore outbox, TimeProvider time)
{
    public const string Kind = "unreachable-report";

    public async Task<int> RunAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        if ((await outbox.WaitingForConversationAsync(cancellationToken)).Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var admin in map.People.Where(p => p.IsAdmin))
        {
            var day = MapValues.DateText(CallerProfiles.LocalToday(admin, now));
            if (await outbox.EnqueueAsync(Kind, day, admin.Id, cancellationToken, CheckIns.CheckInSlots.Place(now, admin) - now))
            {
                queued++;
            }
        }

        return queued;
    }
}

internal sealed class UnreachableReportRenderer(OutboxStore outbox, MapDirectory directory) : IOutboxRenderer
{
    public string Kind => UnreachableReport.Kind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var admin = await directory.FindByIdAsync(personId, cancellationToken);
        var waiting = await outbox.WaitingForConversationAsync(cancellationToken);
        if (admin is not { IsAdmin: true } || waiting.Count == 0)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var id in waiting.Take(UnreachableCard.Listed))
        {
            names.Add((await directory.FindByIdAsync(id, cancellationToken))?.Name ?? id);
        }

        return UnreachableCard.Build(names, waiting.Count, Languages.From(admin.Locale));
    }
}

/// <summary>Who MentorBot cannot reach yet, and what to do about it.</summary>
internal static class UnreachableCard
{
    public const int Listed = 10;

    public static AdaptiveCard Build(IReadOnlyList<string> names, int total, Language l)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Some people can't get their cards yet", "Algunas personas aún no reciben sus tarjetas")),
            Blocks.Paragraph(l.Pick(
                $"{total} {(total == 1 ? "person has" : "people have")} cards waiting because they have never opened MentorBot in Teams. Nothing is lost: the cards go out as soon as they do.",
                $"{total} {(total == 1 ? "persona tiene" : "personas tienen")} tarjetas en espera porque nunca han abierto MentorBot en Teams. No se pierde nada: se envían en cuanto lo hagan.")),
        };
        foreach (var name in names)
        {
            body.Add(new TextBlock("• " + name) { Spacing = Spacing.None });
        }

        if (total > names.Count)
        {
            body.Add(Blocks.Subtle(l.Pick($"…and {total - names.Count} more. Type **map status** for everyone.", $"…y {total - names.Count} más. Escribe **map status** para verlas todas.")));
        }

        body.Add(Blocks.Subtle(l.Pick(
            "What to do: install the app for them from the Teams admin center, or ask them to open MentorBot once.",
            "Qué hacer: instala la aplicación desde el centro de administración de Teams o pídeles que abran MentorBot una vez.")));
        return Blocks.Card(l.Pick("People MentorBot can't reach yet", "Personas a las que MentorBot aún no llega"), body);
    }
}
