using System.Text.RegularExpressions;
using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Outcomes;

/// <summary><c>pilot start "Name" --unit ward-3 --days 90</c>: records the baseline and starts the clock. Admins only.</summary>
internal sealed partial class PilotStartCommand(MapDirectory directory, PilotService pilots, TimeProvider time) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("pilot start", "Start a pilot in one unit: records a baseline of the 90 days before.", CommandAudience.Admin, "pilot start \"Ward 3 pilot\" --unit medical-ward-3 --days 90",
            "Inicia un piloto en una unidad: registra la situación de los 90 días previos.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(me.Locale);
        // The arguments arrive lower-cased; the pilot's name keeps the case it was typed in.
        var match = Syntax().Match(turn.TypedAfter(Descriptor.Phrase, arguments));
        if (!me.IsAdmin || !match.Success)
        {
            var title = l.Pick("How to start a pilot", "Cómo iniciar un piloto");
            return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(me.IsAdmin
                ? l.Pick("Type: pilot start \"Name\" --unit <unit id> --days 90", "Escribe: pilot start \"Nombre\" --unit <id de unidad> --days 90")
                : l.Pick("Only programme admins start pilots.", "Solo la administración del programa inicia pilotos."))]);
        }

        var days = match.Groups["days"].Success ? int.Parse(match.Groups["days"].Value, System.Globalization.CultureInfo.InvariantCulture) : 90;
        var (pilot, problem) = await pilots.StartAsync(match.Groups["name"].Value, match.Groups["unit"].Value, days, me.Id, CallerProfiles.LocalToday(me, time.GetUtcNow()), cancellationToken);
        if (pilot is null)
        {
            var title = l.Pick("The pilot did not start", "El piloto no se inició");
            return Blocks.Card(title, [Blocks.Heading(title), Blocks.Warning(problem!)]);
        }

        return PilotCard.Build((await pilots.ReportAsync(pilot, cancellationToken))!, l);
    }

    [GeneratedRegex("^[\"“](?<name>[^\"“”]+)[\"”]\\s+--unit\\s+(?<unit>\\S+)(\\s+--days\\s+(?<days>\\d{1,3}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Syntax();
}

/// <summary><c>pilot report</c>: the newest pilot's report, for admins and the leaders of its unit.</summary>
internal sealed class PilotReportCommand(MapDirectory directory, MapSnapshots snapshots, PilotStore store, PilotService pilots) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("pilot report", "The pilot so far: before and after, against the other units (counts only).", CommandAudience.Admin | CommandAudience.Leader,
            SpanishDescription: "El piloto hasta ahora: antes y después, frente al resto de unidades (solo cifras).");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(me.Locale);
        var map = await snapshots.CurrentAsync(cancellationToken);
        var pilot = await store.LatestAsync(null, cancellationToken);
        if (pilot is null)
        {
            return PilotCard.None(l);
        }

        if (!PilotService.Readers(map, pilot.UnitId).Contains(me.Id))
        {
            var title = l.Pick("This pilot's report is not yours to read", "Este informe de piloto no es para ti");
            return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick(
                "Pilot reports go to programme admins and the leaders of the pilot unit.", "Los informes de piloto son para la administración del programa y quienes dirigen la unidad piloto."))]);
        }

        return PilotCard.Build((await pilots.ReportAsync(pilot, cancellationToken))!, l);
    }
}

internal sealed class PilotReportRenderer(MapSnapshots snapshots, PilotStore store, PilotService pilots) : IOutboxRenderer
{
    public string Kind => PilotService.ReportKind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var map = await snapshots.CurrentAsync(cancellationToken);
        if (await store.FindAsync(reference, cancellationToken) is not { } pilot || !PilotService.Readers(map, pilot.UnitId).Contains(personId)
            || map.People.FirstOrDefault(p => p.Id == personId) is not { } reader)
        {
            return null;
        }

        return PilotCard.Build((await pilots.ReportAsync(pilot, cancellationToken))!, Languages.From(reader.Locale));
    }
}
