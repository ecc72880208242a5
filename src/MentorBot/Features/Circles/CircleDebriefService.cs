using MentorBot.Cards;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Circles;

/// <summary>
/// Circle debriefs for the people in them: the card, saving and editing an answer, and reading what the circle shared.
/// Every action checks, against the current map, that the caller belongs to the circle.
/// </summary>
internal sealed partial class CircleDebriefService(
    MapDirectory directory,
    CircleStore store,
    IOptions<CheckInOptions> options,
    TimeProvider time,
    ILogger<CircleDebriefService> logger)
{
    /// <summary>The card for a queued debrief; null (dropped) once it is answered, closed, or the person left the circle.</summary>
    public async Task<AdaptiveCard?> RenderAsync(string debriefId, string personId, CancellationToken cancellationToken)
    {
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        var map = person?.AadObjectId is null ? null : await directory.LoadPersonMapAsync(person.AadObjectId, cancellationToken);
        var debrief = await store.FindAsync(debriefId, cancellationToken);
        if (map is null || debrief is null || !debrief.IsOpenAt(time.GetUtcNow()) || CircleOf(map, debrief) is not { } circle
            || await store.FindAnswerAsync(debrief.Id, personId, cancellationToken) is not null)
        {
            return null;
        }

        return CircleDebriefCard.Build(Form(map, circle, debrief, null));
    }

    /// <summary><c>circle</c>: the caller's circle this month, as a form while it is open and unanswered, else what was shared.</summary>
    public async Task<AdaptiveCard?> ShowAsync(Caller caller, string arguments, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(caller.AadObjectId, cancellationToken);
        if (map is null)
        {
            return null;
        }

        var l = Languages.From(map.Person.Locale);
        var circle = map.Circles.FirstOrDefault(c => arguments.Length > 0 && c.Name.Contains(arguments, StringComparison.OrdinalIgnoreCase)) ?? map.Circles.FirstOrDefault();
        var debrief = circle is null ? null : await store.LatestAsync(circle.Id, cancellationToken);
        if (circle is null || debrief is null)
        {
            return Blocks.Card(l.Pick("No circle debrief yet", "Aún no hay reflexión de círculo"), [
                Blocks.Heading(circle is null ? l.Pick("You're not in a circle", "No estás en ningún círculo") : l.Pick($"{circle.Name} has no debrief yet", $"{circle.Name} aún no tiene reflexión")),
                Blocks.Paragraph(circle is null
                    ? l.Pick("Circles are set in the mentorship map. Ask your programme admin if you'd like to join one.", "Los círculos se definen en el mapa de mentoría. Pide a quien administra el programa si quieres unirte a uno.")
                    : l.Pick("The debrief card arrives here when the circle's monthly date comes round.", "La tarjeta de reflexión llega aquí cuando toca la fecha mensual del círculo.")),
            ]);
        }

        var mine = await store.FindAnswerAsync(debrief.Id, map.Person.Id, cancellationToken);
        return mine is null && debrief.IsOpenAt(time.GetUtcNow())
            ? CircleDebriefCard.Build(Form(map, circle, debrief, null))
            : await SharedCardAsync(map, circle, debrief, mine, cancellationToken);
    }

    public async Task<CardActionOutcome> SubmitAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (map, circle, debrief, l) = await ResolveAsync(turn, cancellationToken);
        if (map is null || circle is null || debrief is null)
        {
            return NotYours(l);
        }

        static string? Text(CardActionTurn t, string key) => t.Get(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var answer = new CircleAnswer(debrief.Id, map.Person.Id, Text(turn, CircleFields.Learned), Text(turn, CircleFields.Need), Text(turn, CircleFields.Stuck),
            turn.Get(CircleFields.Shared) is not ("false" or "False"), 0);
        var max = options.Value.MaxAnswerLength;
        if (new[] { answer.Learned, answer.Need, answer.Stuck }.Any(t => t is not null && t.Length > max))
        {
            return new CardActionOutcome.ReplaceCard(CircleDebriefCard.Build(Form(map, circle, debrief, answer) with
            {
                Problem = l.Pick($"One of your answers is longer than {max} characters. Please shorten it; everything you typed is still here.", $"Una de tus respuestas tiene más de {max} caracteres. Acórtala, por favor; todo lo que escribiste sigue aquí."),
            }));
        }

        if (await store.SaveAsync(debrief, answer, cancellationToken) is not { } saved)
        {
            return new CardActionOutcome.ReplaceCard(ClosedCard.Build(l));
        }

        if (saved.Changed)
        {
            Log.Saved(logger, saved.Answer.Revision, saved.Answer.Shared);
        }

        return new CardActionOutcome.ReplaceCard(await SharedCardAsync(map, circle, debrief, saved.Answer, cancellationToken));
    }

    public async Task<CardActionOutcome> ViewAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (map, circle, debrief, l) = await ResolveAsync(turn, cancellationToken);
        return map is null || circle is null || debrief is null
            ? NotYours(l)
            : new CardActionOutcome.ReplaceCard(await SharedCardAsync(map, circle, debrief, await store.FindAnswerAsync(debrief.Id, map.Person.Id, cancellationToken), cancellationToken));
    }

    public async Task<CardActionOutcome> EditAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (map, circle, debrief, l) = await ResolveAsync(turn, cancellationToken);
        if (map is null || circle is null || debrief is null)
        {
            return NotYours(l);
        }

        return debrief.IsOpenAt(time.GetUtcNow())
            ? new CardActionOutcome.ReplaceCard(CircleDebriefCard.Build(Form(map, circle, debrief, await store.FindAnswerAsync(debrief.Id, map.Person.Id, cancellationToken))))
            : new CardActionOutcome.ReplaceCard(ClosedCard.Build(l));
    }

    private async Task<(PersonMap? Map, Circle? Circle, CircleDebrief? Debrief, Language Language)> ResolveAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var language = map is null ? Languages.From(turn.Caller.Locale) : Languages.From(map.Person.Locale);
        var debrief = turn.Get(CircleFields.Debrief) is { } id ? await store.FindAsync(id, cancellationToken) : null;
        var circle = map is null || debrief is null ? null : CircleOf(map, debrief);
        if (map is not null && debrief is not null && circle is null)
        {
            Log.NotMember(logger);
        }

        return (map, circle, debrief, language);
    }

    private async Task<AdaptiveCard> SharedCardAsync(PersonMap map, Circle circle, CircleDebrief debrief, CircleAnswer? mine, CancellationToken cancellationToken)
    {
        var shared = new List<SharedCircleAnswer>();
        foreach (var answer in await store.SharedAsync(debrief.Id, cancellationToken))
        {
            if (circle.MemberIds.Contains(answer.PersonId, StringComparer.Ordinal) || circle.FacilitatorId == answer.PersonId)
            {
                var name = answer.PersonId == map.Person.Id ? map.Person.Name : (await directory.FindByIdAsync(answer.PersonId, cancellationToken))?.Name;
                if (name is not null)
                {
                    shared.Add(new SharedCircleAnswer(name, answer.Learned, answer.Need, answer.Stuck));
                }
            }
        }

        return CircleSharedCard.Build(circle.Name, mine, shared, debrief.IsOpenAt(time.GetUtcNow()), debrief.Id, Languages.From(map.Person.Locale));
    }

    private CircleDebriefForm Form(PersonMap map, Circle circle, CircleDebrief debrief, CircleAnswer? draft) =>
        new(debrief.Id, circle.Name, circle.LaneId is null ? null : map.LaneName(circle.LaneId), circle.MemberIds.Append(circle.FacilitatorId).Distinct(StringComparer.Ordinal).Count(),
            debrief.ClosesAt, map.Person.TimeZone, Languages.From(map.Person.Locale), options.Value.MaxAnswerLength, draft);

    private static Circle? CircleOf(PersonMap map, CircleDebrief debrief) => map.Circles.FirstOrDefault(c => c.Id == debrief.CircleId);

    private static CardActionOutcome NotYours(Language l) => new CardActionOutcome.ShowMessage(l.Pick(
        "That debrief card is out of date or belongs to a circle you're not in. Type circle to see yours.",
        "Esa tarjeta está desactualizada o es de un círculo al que no perteneces. Escribe circle para ver el tuyo."));

    private static partial class Log
    {
        [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Circle debrief answer saved (revision {Revision}, shared: {Shared}).")]
        public static partial void Saved(ILogger logger, int revision, bool shared);

        [LoggerMessage(EventId = 7303, Level = LogLevel.Warning, Message = "A circle debrief action from someone outside the circle was refused.")]
        public static partial void NotMember(ILogger logger);
    }
}
