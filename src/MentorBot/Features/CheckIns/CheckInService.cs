using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.CheckIns;

/// <summary>Starting, saving and editing check-ins for the person in the map, and telling their mentor.</summary>
internal sealed partial class CheckInService(
    MapDirectory directory,
    CheckInStore store,
    IOptions<CheckInOptions> options,
    IOptions<Coaching.CoachingOptions> coaching,
    Concerns.ConcernService concerns,
    TimeProvider time,
    ILogger<CheckInService> logger)
{
    public async Task<AdaptiveCard?> StartAsync(Caller caller, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(caller.AadObjectId, cancellationToken);
        if (map is null)
        {
            return null;
        }

        var primary = PrimaryMentorship(map);
        var period = await store.OpenAdHocAsync(map.Person.Id, primary?.Id, primary?.MentorId, options.Value.AdHocWindow, cancellationToken);
        var saved = await store.FindAnswerAsync(period.Id, cancellationToken);
        return CheckInCard.Build(Form(map, period, saved is null ? new CheckInDraft() : CheckInDraft.From(saved)));
    }

    public async Task<CardActionOutcome> SubmitAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var language = map is null ? Languages.From(turn.Caller.Locale) : Languages.From(map.Person.Locale);
        if (map is null || turn.Get(CheckInFields.Period) is not { } periodId)
        {
            return OutOfDate(language);
        }

        var (draft, problem) = ReadDraft(turn, options.Value.MaxAnswerLength, language);
        if (problem is not null)
        {
            // The form comes back with the problem named, but only to the person whose check-in it is.
            var period = await store.FindPeriodAsync(periodId, cancellationToken);
            return period is null ? OutOfDate(language)
                : period.PersonId != map.Person.Id ? NotYours(language)
                : new CardActionOutcome.ReplaceCard(CheckInCard.Build(Form(map, period, draft) with { Problem = problem }));
        }

        // The store checks, in the saving transaction, that the period exists, is this person's and is still open.
        var answer = new CheckInAnswer(periodId, map.Person.Id, draft.Learned, draft.LearnedShared, draft.Need, draft.NeedShared, draft.Stuck, draft.StuckShared,
            draft.Confidence!.Value, draft.Load!.Value, draft.ScoresShared, draft.WantsTime, time.GetUtcNow(), 0);
        var outcome = await store.SaveAnswerAsync(answer, cancellationToken, saved => FollowUps(saved, map.Person));
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                Log.Saved(logger, saved.First, saved.Answer.Revision);
                return await AfterSaveAsync(turn, map, saved.Period, saved.Answer, saved.Streak, language, cancellationToken);
            case SaveOutcome.Unchanged unchanged:
                return await AfterSaveAsync(turn, map, unchanged.Period, unchanged.Answer, unchanged.Streak, language, cancellationToken);
            case SaveOutcome.Closed:
                return new CardActionOutcome.ReplaceCard(ClosedCard.Build(language));
            case SaveOutcome.NotYours:
                return NotYours(language);
            default:
                return OutOfDate(language);
        }
    }

    /// <summary>
    /// What a first answer announces, queued in the saving transaction: the mentor's card with what was shared, and a
    /// coaching prompt a few days later in working hours, chosen from what the check-in says.
    /// </summary>
    private IEnumerable<OutboxEntry> FollowUps(SaveOutcome.Saved saved, Person person)
    {
        if (!saved.First)
        {
            yield break;
        }

        if (saved.Period.MentorId is not null)
        {
            yield return new OutboxEntry(MenteeCheckInRenderer.Kind, saved.Period.Id, saved.Period.MentorId);
        }

        var now = time.GetUtcNow();
        yield return new OutboxEntry(Coaching.CoachingKinds.AfterCheckIn, saved.Period.Id, person.Id, CheckInSlots.Place(now + coaching.Value.DelayAfterCheckIn, person) - now);
    }

    private static CardActionOutcome OutOfDate(Language language) =>
        new CardActionOutcome.ShowMessage(language.Pick("That check-in card is out of date. Type check in to start a new one.", "Esa tarjeta está desactualizada. Escribe check in para empezar otra."));

    private CardActionOutcome NotYours(Language language)
    {
        Log.NotOwner(logger);
        return new CardActionOutcome.ShowMessage(language.Pick("This check-in belongs to someone else, so I can't save it for you.", "Este seguimiento es de otra persona, así que no puedo guardarlo por ti."));
    }

    public async Task<CardActionOutcome> EditAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var map = await directory.LoadPersonMapAsync(turn.Caller.AadObjectId, cancellationToken);
        var period = turn.Get(CheckInFields.Period) is { } periodId ? await store.FindPeriodAsync(periodId, cancellationToken) : null;
        var language = map is null ? Languages.From(turn.Caller.Locale) : Languages.From(map.Person.Locale);
        if (map is null || period is null || period.PersonId != map.Person.Id)
        {
            return new CardActionOutcome.ShowMessage(language.Pick("I can't open that check-in for you.", "No puedo abrir ese seguimiento para ti."));
        }

        if (!period.IsOpenAt(time.GetUtcNow()))
        {
            return new CardActionOutcome.ReplaceCard(ClosedCard.Build(language));
        }

        var saved = await store.FindAnswerAsync(period.Id, cancellationToken);
        return new CardActionOutcome.ReplaceCard(CheckInCard.Build(Form(map, period, saved is null ? new CheckInDraft() : CheckInDraft.From(saved))));
    }

    /// <summary>
    /// The summary; or, when the person pressed "Send, then raise a concern", the concern card, where they choose who
    /// sees it. Nothing from the check-in is escalated by itself.
    /// </summary>
    private async Task<CardActionOutcome> AfterSaveAsync(CardActionTurn turn, PersonMap map, CheckInPeriod period, CheckInAnswer answer, int streak, Language language, CancellationToken cancellationToken) =>
        turn.Get(CheckInFields.Next) == CheckInFields.NextConcern
        && await concerns.ComposeAsync(turn.Caller, Concerns.ConcernFields.FromCheckIn, checkInSaved: true, cancellationToken) is { } concern
            ? new CardActionOutcome.ReplaceCard(concern)
            : Summary(map, period, answer, streak, language);

    private CardActionOutcome.ReplaceCard Summary(PersonMap map, CheckInPeriod period, CheckInAnswer answer, int streak, Language language) =>
        new(CheckInSummaryCard.Build(answer, MentorName(map, period), period.IsOpenAt(time.GetUtcNow()), period.ClosesAt, map.Person.TimeZone, language, streak, period.MentorId));

    public async Task<CardActionOutcome> SkipAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var language = person is null ? Languages.From(turn.Caller.Locale) : Languages.From(person.Locale);
        if (person is null || turn.Get(CheckInFields.Period) is not { } periodId || !await store.SkipAsync(periodId, person.Id, cancellationToken))
        {
            return new CardActionOutcome.ShowMessage(language.Pick(
                "That check-in can't be skipped: it is answered, closed, or not yours.",
                "Ese seguimiento no se puede saltar: ya está respondido, cerrado o no es tuyo."));
        }

        return new CardActionOutcome.ReplaceCard(Blocks.Card(
            language.Pick("Check-in skipped", "Seguimiento saltado"),
            [
                Blocks.Heading(language.Pick("Skipped: no problem", "Saltado, sin problema")),
                Blocks.Paragraph(language.Pick(
                    "I'll check in with you next time. If you need a longer break, type **pause until** and a date, for example *pause until 2026-12-31*.",
                    "Te escribiré la próxima vez. Si necesitas una pausa más larga, escribe **pause until** y una fecha, por ejemplo *pause until 2026-12-31*.")),
            ]));
    }

    internal CheckInForm Form(PersonMap map, CheckInPeriod period, CheckInDraft draft)
    {
        var today = CallerProfiles.LocalToday(map.Person, time.GetUtcNow());
        return new CheckInForm(period.Id, MentorName(map, period), Onboarding.PhaseOn(map.Person.StartDate, today).Phase, period.ClosesAt,
            map.Person.TimeZone, Languages.From(map.Person.Locale), options.Value.MaxAnswerLength, draft, CanSkip: period.MentorshipId is not null && !period.Id.StartsWith("adhoc:", StringComparison.Ordinal));
    }

    private static string? MentorName(PersonMap map, CheckInPeriod period) => period.MentorId is null ? null : map.NameOf(period.MentorId);

    /// <summary>The mentee's main pairing: a lane mentorship first, then any other, oldest first.</summary>
    internal static Mentorship? PrimaryMentorship(PersonMap map) =>
        map.AsMentee.Where(m => m.Status == MentorshipStatus.Active).OrderBy(m => m.Kind == MentorshipKind.Lane ? 0 : 1).ThenBy(m => m.StartDate).FirstOrDefault();

    /// <summary>Reads the submitted inputs. Over-long answers and missing scores come back as a problem, with what was typed kept.</summary>
    internal static (CheckInDraft Draft, string? Problem) ReadDraft(CardActionTurn turn, int maxLength, Language language)
    {
        static string? Text(CardActionTurn t, string key) => t.Get(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        static bool Flag(CardActionTurn t, string key) => t.Get(key) is not ("false" or "False");
        static int? Score(CardActionTurn t, string key) => int.TryParse(t.Get(key), out var n) && n is >= 1 and <= 5 ? n : null;

        var draft = new CheckInDraft(
            Text(turn, CheckInFields.Learned), Flag(turn, CheckInFields.LearnedShared),
            Text(turn, CheckInFields.Need), Flag(turn, CheckInFields.NeedShared),
            Text(turn, CheckInFields.Stuck), Flag(turn, CheckInFields.StuckShared),
            Score(turn, CheckInFields.Confidence), Score(turn, CheckInFields.Load), Flag(turn, CheckInFields.ScoresShared),
            turn.Get(CheckInFields.WantsTime) is "true" or "True");
        var tooLong = new[] { draft.Learned, draft.Need, draft.Stuck }.Any(t => t is not null && t.Length > maxLength);
        if (tooLong)
        {
            return (draft, language.Pick(
                $"One of your answers is longer than {maxLength} characters. Please shorten it; everything you typed is still here.",
                $"Una de tus respuestas tiene más de {maxLength} caracteres. Acórtala, por favor; todo lo que escribiste sigue aquí."));
        }

        if (draft.Confidence is null || draft.Load is null)
        {
            return (draft, language.Pick("Please pick a number from 1 to 5 for confidence and for load.", "Elige un número del 1 al 5 para la confianza y para la carga."));
        }

        return (draft, null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Check-in saved (first: {First}, revision {Revision}).")]
        public static partial void Saved(ILogger logger, bool first, int revision);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "A check-in submit for a period the caller does not own was refused.")]
        public static partial void NotOwner(ILogger logger);
    }
}

/// <summary>What an expired check-in card turns into.</summary>
internal static class ClosedCard
{
    public static AdaptiveCard Build(Language l) => Blocks.Card(
        l.Pick("This check-in has closed", "Este seguimiento se ha cerrado"),
        [
            Blocks.Heading(l.Pick("This check-in has closed", "Este seguimiento se ha cerrado")),
            Blocks.Paragraph(l.Pick(
                "The period for this check-in has ended, so it can't be changed any more. Type **check in** to start a new one.",
                "El periodo de este seguimiento ha terminado y ya no se puede cambiar. Escribe **check in** para empezar otro.")),
        ]);
}
