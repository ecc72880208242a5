using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;

namespace MentorBot.Features.Outcomes;

/// <summary><c>outcomes</c>: the organisation's outcomes for an admin; a leader's own scope otherwise.</summary>
internal sealed class OutcomesCommand(MapDirectory directory, OutcomeService outcomes) : ITextCommand
{
    public static CommandDescriptor Descriptor { get; } =
        new("outcomes", "Time to independence, competencies validated, retention, promotion and confidence over 12 months (counts only).", CommandAudience.Admin | CommandAudience.Leader,
            SpanishDescription: "Tiempo hasta la autonomía, competencias validadas, permanencia, promoción y confianza en 12 meses (solo cifras).");

    public async ValueTask<AdaptiveCard> HandleAsync(TextTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return NotInMapCard.Build(Languages.From(turn.Caller.Locale));
        }

        var l = Languages.From(me.Locale);
        var report = await outcomes.ForReaderAsync(me, me.IsAdmin ? DigestService.Organisation : DigestService.Mine, cancellationToken);
        if (report is null)
        {
            var title = l.Pick("No outcomes to show you", "No hay resultados que mostrarte");
            return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick(
                "Outcomes are for programme admins and for leaders with a scope in the map. Ask your programme admin to add yours.",
                "Los resultados son para la administración del programa y para líderes con un ámbito en el mapa. Pide que añadan el tuyo."))]);
        }

        return OutcomeCard.Build(report, l);
    }
}
