using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Features.TeamsApp;
using MentorBot.Web;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Digest;

/// <summary>
/// The digest's buttons. Each one recomputes from the presser's own scope: the card's data only says "mine" or "org",
/// and "org" needs a programme admin, so a forwarded or forged card shows nobody else's digest.
/// </summary>
internal sealed class DigestActionRunner(MapDirectory directory, DigestService digests, IOptions<TeamsAppOptions> teamsApp)
{
    public async ValueTask<CardActionOutcome> RunAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var reader = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = Languages.From(reader?.Locale ?? turn.Caller.Locale);
        var key = DigestService.KeyFrom(turn.Get(DigestVerbs.ScopeKey));
        if (reader is null)
        {
            return new CardActionOutcome.ShowMessage(l.Pick("You're not in the mentorship map.", "No estás en el mapa de mentoría."));
        }

        if (turn.Verb == DigestVerbs.Nudge)
        {
            return await digests.NudgesAsync(reader, key, cancellationToken) is { } nudges
                ? new CardActionOutcome.ReplaceCard(DigestNudgeCard.Build(nudges, l))
                : new CardActionOutcome.ShowMessage(l.Pick(
                    "Your programme does not show leaders who has not answered, or this digest is not yours.",
                    "Tu programa no muestra a los responsables quién no ha respondido, o este resumen no es tuyo."));
        }

        if (await digests.ReportAsync(reader, key, cancellationToken) is not { } report)
        {
            return new CardActionOutcome.ShowMessage(l.Pick(
                "This digest is for its leader (the organisation's, for programme admins) and is not yours to open.",
                "Este resumen es de su responsable (el de la organización, de la administración del programa) y no puedes abrirlo."));
        }

        return new CardActionOutcome.ReplaceCard(turn.Verb == DigestVerbs.Details
            ? DigestCard.Details(report, l)
            : DigestCard.Build(report, l, TabLinks.Dashboard(teamsApp.Value.Id, report.Header.ScopeKey)));
    }
}

internal sealed class DigestSummaryAction(DigestActionRunner runner) : ICardAction
{
    public string Verb => DigestVerbs.Summary;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => runner.RunAsync(turn, cancellationToken);
}

internal sealed class DigestDetailsAction(DigestActionRunner runner) : ICardAction
{
    public string Verb => DigestVerbs.Details;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => runner.RunAsync(turn, cancellationToken);
}

internal sealed class DigestNudgeAction(DigestActionRunner runner) : ICardAction
{
    public string Verb => DigestVerbs.Nudge;

    public ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => runner.RunAsync(turn, cancellationToken);
}
