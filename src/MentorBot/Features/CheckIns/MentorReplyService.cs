using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// A mentor's short reply from a mentee's check-in card. Only the check-in's own mentor, while the pairing is current,
/// may reply; the reply reaches the mentee through the outbox.
/// </summary>
internal sealed partial class MentorReplyService(
    MapDirectory directory, CheckInStore checkIns, MentorReplyStore replies, Growth.CompetencySuggestions suggestions, ILogger<MentorReplyService> logger)
{
    public async Task<CardActionOutcome> ReplyAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = map is null ? Languages.From(turn.Caller.Locale) : Languages.From(map.Person.Locale);
        var period = turn.Get(CheckInFields.Period) is { } periodId ? await checkIns.FindPeriodAsync(periodId, cancellationToken) : null;
        if (map is null || period is null || period.MentorId != map.Person.Id
            || !map.AsMentor.Any(m => m.MenteeId == period.PersonId && m.Status != MentorshipStatus.Ended)
            || await checkIns.FindAnswerAsync(period.Id, cancellationToken) is not { } answer)
        {
            Log.Refused(logger);
            return new CardActionOutcome.ShowMessage(l.Pick(
                "Only the mentor of this check-in can reply to it, while the pairing lasts.",
                "Solo quien acompaña este seguimiento puede responderlo, mientras dure la pareja."));
        }

        var menteeName = map.NameOf(period.PersonId);
        var shared = answer.SharedView();
        var competencies = await suggestions.ForAsync(map.Person.Id, period.PersonId, [shared.Need, shared.Stuck], cancellationToken);
        var text = turn.Get(MentorReplyFields.Reply)?.Trim();
        var problem = string.IsNullOrEmpty(text) ? l.Pick("Write your reply in the box first.", "Escribe primero tu respuesta en el cuadro.")
            : text.Length > MentorReplyFields.MaxLength ? l.Pick($"Please keep a reply under {MentorReplyFields.MaxLength} characters; everything you typed is still here.", $"Mantén la respuesta por debajo de {MentorReplyFields.MaxLength} caracteres; todo lo que escribiste sigue aquí.")
            : null;
        if (problem is not null)
        {
            var last = await replies.LastAsync(period.Id, map.Person.Id, cancellationToken);
            return new CardActionOutcome.ReplaceCard(MenteeCheckInCard.Build(period.Id, period.PersonId, menteeName, shared, l, new MentorReplyState(last, text, problem), competencies));
        }

        if (await replies.SaveAsync(period.Id, map.Person.Id, period.PersonId, text!, cancellationToken))
        {
            Log.Replied(logger);
        }

        return new CardActionOutcome.ReplaceCard(MenteeCheckInCard.Build(period.Id, period.PersonId, menteeName, shared, l, new MentorReplyState(text), competencies));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "A mentor replied to a check-in.")]
        public static partial void Replied(ILogger logger);

        [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "A reply to a check-in from someone who is not its mentor was refused.")]
        public static partial void Refused(ILogger logger);
    }
}

internal sealed class CheckInReplyAction(MentorReplyService service) : ICardAction
{
    public string Verb => MentorReplyFields.Verb;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.ReplyAsync(turn, cancellationToken);
}

/// <summary>Renders, at send time, a mentor's reply for their mentee: what they wrote, and a way to find a time.</summary>
internal sealed class MentorReplyRenderer(MentorReplyStore replies, MapDirectory directory) : IOutboxRenderer
{
    string IOutboxRenderer.Kind => MentorReplyStore.Kind;

    public async Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var reply = await replies.FindAsync(reference, cancellationToken);
        var mentee = await directory.FindByIdAsync(personId, cancellationToken);
        var mentor = reply is null ? null : await directory.FindByIdAsync(reply.MentorId, cancellationToken);
        return reply is null || mentee is null || mentor is null || reply.MenteeId != personId || reply.Body.Length == 0
            ? null
            : MentorReplyCard.Build(mentor.Id, mentor.Name, reply.Body, Languages.From(mentee.Locale));
    }
}

/// <summary>A mentor's reply as the mentee reads it.</summary>
internal static class MentorReplyCard
{
    public static AdaptiveCard Build(string mentorId, string mentorName, string body, Language l)
    {
        var first = Names.First(mentorName);
        var title = l.Pick($"{first} replied to your check-in", $"{first} respondió a tu seguimiento");
        return Blocks.Card(title,
        [
            Blocks.Heading(title),
            Blocks.Paragraph(body),
            Blocks.Subtle(l.Pick($"Between you and {first}: nobody else sees it.", $"Entre tú y {first}: nadie más lo ve.")),
        ],
        [
            new ExecuteAction(l.Pick($"Find a time with {first}", $"Buscar un rato con {first}"), Booking.BookingVerbs.Propose,
                new Dictionary<string, string> { [Booking.BookingFields.With] = mentorId, [Booking.BookingFields.Source] = Booking.BookingSource.CheckIn }),
        ]);
    }
}
