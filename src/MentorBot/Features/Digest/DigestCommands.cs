using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Features.TeamsApp;
using MentorBot.Features.Welcome;
using MentorBot.Web;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Digest;

/// <summary><c>digest</c>: this week's digest for the leader's own scope, now.</summary>
internal sealed class DigestCommand(MapDirectory directory, DigestService digests, IOptions<TeamsAppOptions> teamsApp) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("digest", "Your scope's weekly digest now: check-ins, how people feel, mentor time, lanes, capacity, new hires (counts only).", CommandAudience.Leader,
            SpanishDescription: "El resumen semanal de tu ámbito ahora: seguimientos, cómo se sienten, tiempo con mentores, áreas, capacidad, incorporaciones (solo cifras).");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await DigestReply.BuildAsync(directory, digests, turn, DigestService.Mine, Descriptor, teamsApp.Value.Id, cancellationToken);
}

/// <summary><c>digest org</c>: the whole organisation's digest, for programme admins.</summary>
internal sealed class DigestOrgCommand(MapDirectory directory, DigestService digests, IOptions<TeamsAppOptions> teamsApp) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("digest org", "The whole organisation's digest, with the same privacy rules.", CommandAudience.Admin,
            SpanishDescription: "El resumen de toda la organización, con las mismas reglas de privacidad.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken) =>
        await DigestReply.BuildAsync(directory, digests, turn, DigestService.Organisation, Descriptor, teamsApp.Value.Id, cancellationToken);
}

/// <summary><c>digest at friday 07:30</c>: when the leader's own digest arrives; without a day and time, when it does now.</summary>
internal sealed class DigestAtCommand(MapDirectory directory, DigestSettingsStore settings, DigestScheduler scheduler) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("digest at", "Choose when your weekly digest arrives, in your own time zone.", CommandAudience.Leader, "digest at monday 08:00",
            SpanishDescription: "Elige cuándo llega tu resumen semanal, en tu zona horaria.");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var leader = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        if (leader is null)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(leader.Locale);
        if (arguments.Length == 0)
        {
            return DigestScheduleCard.Build(await scheduler.ScheduleOfAsync(leader, cancellationToken), l);
        }

        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || !MapValues.TryDay(words[0], out var day) || !MapValues.TryTime(words[1], out var at))
        {
            return DigestScheduleCard.Build(await scheduler.ScheduleOfAsync(leader, cancellationToken), l, l.Pick(
                "I couldn't read that. Write a weekday and a 24-hour time, for example **digest at monday 08:00**.",
                "No pude entenderlo. Escribe un día y una hora de 24 horas, por ejemplo **digest at monday 08:00**."));
        }

        await settings.SetScheduleAsync(leader.Id, day, at, cancellationToken);
        return DigestScheduleCard.Build(await scheduler.ScheduleOfAsync(leader, cancellationToken), l);
    }
}

internal static class DigestReply
{
    public static async Task<AdaptiveCard> BuildAsync(MapDirectory directory, DigestService digests, TextTurn turn, string key, CommandDescriptor descriptor, string? teamsAppId, CancellationToken cancellationToken)
    {
        var reader = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        if (reader is null)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(reader.Locale);
        return await digests.ReportAsync(reader, key, cancellationToken) is { } report
            ? DigestCard.Build(report, l, TabLinks.Dashboard(teamsAppId, report.Header.ScopeKey))
            : NotAllowedCard.Build(descriptor, l);
    }
}
