using MentorBot.Cards;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;

namespace MentorBot.Features.Calibration;

/// <summary>
/// Asks mentor and mentee, separately, whether their pairing is working once its calibration date comes (inside each
/// person's working hours), and flags a low score to every programme admin.
/// </summary>
internal sealed partial class CalibrationService(
    MapStore map,
    MapDirectory directory,
    CalibrationStore store,
    Matching.MatchingStore matching,
    TimeProvider time,
    ILogger<CalibrationService> logger)
{
    public const int LowScore = 2;
    public const string AskKind = "calibration-ask";
    public const string FlagKind = "calibration-flag";

    /// <summary>Calibrations older than this when first seen (a fresh import of long-running pairings) are not asked.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await RunAsync(await map.LoadAsync(cancellationToken), cancellationToken);

    public async Task<int> RunAsync(MentorshipMap current, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var people = current.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var asked = 0;
        foreach (var pairing in current.Mentorships.Where(m => m.Status != MentorshipStatus.Ended && m.CalibrationDate is not null))
        {
            if (!people.TryGetValue(pairing.MenteeId, out var mentee) || !people.TryGetValue(pairing.MentorId, out var mentor))
            {
                continue;
            }

            var today = CallerProfiles.LocalToday(mentee, now);
            if (today < pairing.CalibrationDate!.Value || today.DayNumber - pairing.CalibrationDate.Value.DayNumber > Window.Days)
            {
                continue;
            }

            foreach (var (person, role) in new[] { (mentor, "mentor"), (mentee, "mentee") })
            {
                if (await store.AskAsync(pairing.Id, person.Id, role, new OutboxEntry(AskKind, pairing.Id, person.Id, CheckInSlots.Place(now, person) - now), cancellationToken))
                {
                    asked++;
                }
            }
        }

        if (asked > 0)
        {
            Log.Asked(logger, asked);
        }

        return asked;
    }

    public async Task<CardActionOutcome> SubmitAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var language = person is null ? Languages.From(turn.Caller.Locale) : Languages.From(person.Locale);
        if (person is null || turn.Get("mentorship") is not { } mentorshipId)
        {
            return new CardActionOutcome.ShowMessage(language.Pick("That card is out of date.", "Esa tarjeta está desactualizada."));
        }

        if (!int.TryParse(turn.Get("score"), out var score) || score is < 1 or > 5)
        {
            var pairing = (await map.LoadAsync(cancellationToken)).Mentorships.FirstOrDefault(m => m.Id == mentorshipId);
            var other = pairing is null ? null : await directory.FindByIdAsync(pairing.MentorId == person.Id ? pairing.MenteeId : pairing.MentorId, cancellationToken);
            return pairing is null || other is null
                ? new CardActionOutcome.ShowMessage(language.Pick("That pairing has ended.", "Esa pareja ha terminado."))
                : new CardActionOutcome.ReplaceCard(CalibrationCard.Build(mentorshipId, other.Name, pairing.StartDate, language, language.Pick("Please pick one of the five answers.", "Elige una de las cinco respuestas.")));
        }

        var note = turn.Get("note") is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim()[..Math.Min(500, text.Trim().Length)] : null;
        // A low score reaches every programme admin: queued in the transaction that saves it.
        IReadOnlyList<OutboxEntry> flags = score <= LowScore
            ? [.. (await map.LoadAsync(cancellationToken)).People.Where(p => p.IsAdmin).Select(admin => new OutboxEntry(FlagKind, $"{mentorshipId}|{person.Id}|{score}", admin.Id))]
            : [];
        var saved = await store.AnswerAsync(mentorshipId, person.Id, score, note, flags, cancellationToken);
        if (saved is not { } answer)
        {
            Log.NotAsked(logger);
            return new CardActionOutcome.ShowMessage(language.Pick("You weren't asked about that pairing, so I can't record an answer.", "No se te preguntó por esa pareja, así que no puedo guardar una respuesta."));
        }

        if (score <= LowScore)
        {
            Log.LowScore(logger, answer.Role);
        }

        var rated = (await map.LoadAsync(cancellationToken)).Mentorships.FirstOrDefault(m => m.Id == mentorshipId);
        if (score <= LowScore && rated is not null)
        {
            // The flag above already told admins; the pairing also joins the next matching run as a re-match.
            await matching.RequestRematchAsync(rated, "calibration", [], cancellationToken);
        }

        var otherId = rated is null ? null : rated.MentorId == person.Id ? rated.MenteeId : rated.MentorId;
        var otherName = otherId is null ? null : (await directory.FindByIdAsync(otherId, cancellationToken))?.Name;
        return new CardActionOutcome.ReplaceCard(CalibrationCard.Thanks(score, language, otherName is null ? null : otherId, otherName));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Calibration: asked {Count} people whether their pairing works.")]
        public static partial void Asked(ILogger logger, int count);

        [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Calibration: a low score from a {Role} was flagged to programme admins.")]
        public static partial void LowScore(ILogger logger, string role);

        [LoggerMessage(EventId = 7203, Level = LogLevel.Warning, Message = "Calibration: an answer from someone who was not asked was refused.")]
        public static partial void NotAsked(ILogger logger);
    }
}

internal sealed class CalibrationSubmitAction(CalibrationService service) : ICardAction
{
    public string Verb => CalibrationVerbs.Submit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await service.SubmitAsync(turn, cancellationToken);
}
