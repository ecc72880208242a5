using MentorBot.Cards;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Coaching;

/// <summary>
/// Chooses a prompt for a person (after a check-in, or when they ask), records the delivery so it is not repeated
/// within eight weeks, and handles the card's four actions, each checked against the person who received it.
/// </summary>
internal sealed partial class CoachingService(
    CoachingLibrary library,
    CoachingStore store,
    CheckInStore checkIns,
    MapDirectory directory,
    Growth.OnboardingPhases phases,
    IOptions<CoachingOptions> options,
    TimeProvider time,
    ILogger<CoachingService> logger)
{
    public const string Mentoring = "mentoring";
    public const string Leading = "leading";

    /// <summary><c>coach me [lane]</c>.</summary>
    public async Task<AdaptiveCard> OnDemandAsync(PersonMap map, string laneRequest, CancellationToken cancellationToken)
    {
        var l = Languages.From(map.Person.Locale);
        string? lane = null;
        if (!string.IsNullOrWhiteSpace(laneRequest))
        {
            lane = ResolveLane(map, laneRequest.Trim());
            if (lane is null)
            {
                return Blocks.Card(l.Pick("Which lane?", "¿Qué área?"), [
                    Blocks.Heading(l.Pick($"I don't know a lane called \"{laneRequest.Trim()}\"", $"No conozco un área llamada \"{laneRequest.Trim()}\"")),
                    Blocks.Paragraph(l.Pick("Try one of these: ", "Prueba una de estas: ") + string.Join(", ", map.LaneNames.Values.Order(StringComparer.Ordinal).Append(Mentoring).Append(Leading)) + "."),
                    Blocks.Subtle(l.Pick("For example: coach me documentation", "Por ejemplo: coach me documentation")),
                ]);
            }
        }

        var latest = (await checkIns.LatestAsync(map.Person.Id, 1, cancellationToken)).FirstOrDefault();
        return await DeliverAsync(map, lane, latest, "ondemand:" + Guid.NewGuid().ToString("N"), "on-demand", cancellationToken)
            ?? Blocks.Card(l.Pick("Nothing new right now", "Nada nuevo por ahora"), [
                Blocks.Heading(l.Pick("You've seen every prompt for that lately", "Ya has visto todas las propuestas de eso últimamente")),
                Blocks.Paragraph(l.Pick("Prompts don't repeat within eight weeks. Try another lane, or ask again later.", "Las propuestas no se repiten en ocho semanas. Prueba otra área o vuelve a preguntar más tarde.")),
            ]);
    }

    /// <summary>The prompt that follows a check-in, rendered when its queue item is sent; the same one on a retry.</summary>
    public async Task<AdaptiveCard?> AfterCheckInAsync(string periodId, string personId, CancellationToken cancellationToken)
    {
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        var map = person?.AadObjectId is null ? null : await directory.LoadPersonMapAsync(person.AadObjectId, cancellationToken);
        var answer = await checkIns.FindAnswerAsync(periodId, cancellationToken);
        return map is null || answer is null || answer.PersonId != personId
            ? null
            : await DeliverAsync(map, null, answer, "checkin:" + periodId, "after-checkin", cancellationToken);
    }

    public async Task<AdaptiveCard?> ReminderAsync(string deliveryId, string personId, CancellationToken cancellationToken)
    {
        var (map, delivery, prompt) = await ResolveAsync(deliveryId, personId, cancellationToken);
        return map is null || delivery is null || prompt is null
            ? null
            : CoachingCard.Build(prompt, LaneName(map, prompt.Lane), null, delivery.Id, CoachingCardState.Reminder, MentorName(map), Languages.From(map.Person.Locale));
    }

    public async Task<AdaptiveCard?> TalkRequestAsync(string deliveryId, string mentorId, CancellationToken cancellationToken)
    {
        var delivery = await store.FindAsync(deliveryId, cancellationToken);
        var mentee = delivery is null ? null : await directory.FindByIdAsync(delivery.PersonId, cancellationToken);
        var menteeMap = mentee?.AadObjectId is null ? null : await directory.LoadPersonMapAsync(mentee.AadObjectId, cancellationToken);
        var mentor = await directory.FindByIdAsync(mentorId, cancellationToken);
        var prompt = delivery is null ? null : library.Find(delivery.PromptId);
        return menteeMap is null || mentor is null || prompt is null || !menteeMap.AsMentee.Any(m => m.MentorId == mentorId)
            ? null
            : CoachingCard.TalkRequest(menteeMap.Person.Name, prompt, LaneName(menteeMap, prompt.Lane), Languages.From(mentor.Locale));
    }

    /// <summary>Useful, not useful, try it, talk it through: only the person who received the prompt may act on it.</summary>
    public async Task<CardActionOutcome> ActAsync(CardActionTurn turn, string verb, CancellationToken cancellationToken)
    {
        var caller = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = caller is null ? Languages.From(turn.Caller.Locale) : Languages.From(caller.Locale);
        var (map, delivery, prompt) = caller is null || turn.Get(CoachingVerbs.Delivery) is not { } id ? default : await ResolveAsync(id, caller.Id, cancellationToken);
        if (map is null || delivery is null || prompt is null)
        {
            Log.Refused(logger);
            return new CardActionOutcome.ShowMessage(l.Pick("That prompt card is out of date or not yours. Type coach me for a new one.", "Esa tarjeta está desactualizada o no es tuya. Escribe coach me para recibir otra."));
        }

        var mentor = CheckInService.PrimaryMentorship(map);
        CoachingCardState state;
        switch (verb)
        {
            case CoachingVerbs.Useful or CoachingVerbs.NotUseful:
                await store.SetFeedbackAsync(delivery.Id, map.Person.Id, verb == CoachingVerbs.Useful, cancellationToken);
                state = verb == CoachingVerbs.Useful ? CoachingCardState.Useful : CoachingCardState.NotUseful;
                break;
            case CoachingVerbs.TryIt:
                await store.MarkAsync(delivery.Id, map.Person.Id, talk: false,
                    new OutboxEntry(CoachingKinds.Reminder, delivery.Id, map.Person.Id, NextWorkingDayStart(map.Person) - time.GetUtcNow()), cancellationToken);

                state = CoachingCardState.RemindTomorrow;
                break;
            default:
                if (mentor is null)
                {
                    return new CardActionOutcome.ShowMessage(l.Pick("You don't have a mentor in the map yet, so there is nobody to tell.", "Todavía no tienes mentor en el mapa, así que no hay a quién avisar."));
                }

                await store.MarkAsync(delivery.Id, map.Person.Id, talk: true, new OutboxEntry(CoachingKinds.TalkRequest, delivery.Id, mentor.MentorId), cancellationToken);

                state = CoachingCardState.TalkRequested;
                break;
        }

        return new CardActionOutcome.ReplaceCard(CoachingCard.Build(prompt, LaneName(map, prompt.Lane), null, delivery.Id, state, MentorName(map), l, mentor?.MentorId));
    }

    private async Task<AdaptiveCard?> DeliverAsync(PersonMap map, string? lane, CheckInAnswer? basis, string deliveryId, string source, CancellationToken cancellationToken)
    {
        var l = Languages.From(map.Person.Locale);
        var existing = await store.FindAsync(deliveryId, cancellationToken);
        CoachingPrompt? prompt;
        string? named = null;
        if (existing is not null)
        {
            prompt = library.Find(existing.PromptId);
        }
        else
        {
            var choice = CoachingSelector.Pick(library.Prompts, await ContextAsync(map, lane, basis, cancellationToken));
            if (choice is null)
            {
                return null;
            }

            prompt = choice.Prompt;
            named = lane is null ? choice.NamedLane : null;
            await store.RecordAsync(new CoachingDelivery(deliveryId, map.Person.Id, prompt.Id, prompt.Lane, source, null), cancellationToken);
            Log.Delivered(logger, prompt.Id, source);
        }

        if (prompt is null)
        {
            return null;
        }

        var why = named is not null ? l.Pick($"Because your last check-in mentioned {LaneName(map, named).ToLowerInvariant()}.", $"Porque tu último seguimiento mencionaba {LaneName(map, named).ToLowerInvariant()}.") : null;
        return CoachingCard.Build(prompt, LaneName(map, prompt.Lane), why, deliveryId, CoachingCardState.Fresh, MentorName(map), l);
    }

    private async Task<CoachingContext> ContextAsync(PersonMap map, string? lane, CheckInAnswer? basis, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var audience = lane switch
        {
            Mentoring => CoachingAudience.Mentor,
            Leading => CoachingAudience.Leader,
            not null => CoachingAudience.Staff,
            _ when map.AsMentee.Any() => CoachingAudience.Staff,
            _ when map.AsMentor.Any() => CoachingAudience.Mentor,
            _ when map.LeaderScopes.Count > 0 => CoachingAudience.Leader,
            _ => CoachingAudience.Staff,
        };
        var lanes = map.LaneNames.Select(p => new Lane(p.Key, p.Value, string.Empty)).ToList();
        var named = lane is not null ? [lane] : basis is null ? [] : LaneMentions.Find([basis.Need, basis.Stuck], lanes);
        var today = CallerProfiles.LocalToday(map.Person, now);
        return new CoachingContext(
            audience,
            map.Person.Level,
            await phases.CurrentAsync(map.Person, today, cancellationToken),
            named,
            [.. map.AsMentee.Where(m => m.Status == MentorshipStatus.Active).SelectMany(m => m.Lanes).Distinct(StringComparer.Ordinal)],
            basis is not null && (basis.Confidence <= 2 || basis.Load >= 4),
            await store.SentSinceAsync(map.Person.Id, now - options.Value.NoRepeatWithin, cancellationToken),
            StableSeed(map.Person.Id + MapValues.DateText(today)));
    }

    private async Task<(PersonMap? Map, CoachingDelivery? Delivery, CoachingPrompt? Prompt)> ResolveAsync(string deliveryId, string personId, CancellationToken cancellationToken)
    {
        var delivery = await store.FindAsync(deliveryId, cancellationToken);
        var person = delivery?.PersonId == personId ? await directory.FindByIdAsync(personId, cancellationToken) : null;
        var map = person?.AadObjectId is null ? null : await directory.LoadPersonMapAsync(person.AadObjectId, cancellationToken);
        return (map, map is null ? null : delivery, delivery is null ? null : library.Find(delivery.PromptId));
    }

    private static string? ResolveLane(PersonMap map, string request)
    {
        if (request.StartsWith("mentor", StringComparison.OrdinalIgnoreCase))
        {
            return Mentoring;
        }

        if (request.StartsWith("lead", StringComparison.OrdinalIgnoreCase) && !request.Contains("readiness", StringComparison.OrdinalIgnoreCase))
        {
            return Leading;
        }

        return LaneMentions.Find([request], [.. map.LaneNames.Select(p => new Lane(p.Key, p.Value, string.Empty))]).FirstOrDefault();
    }

    private static string LaneName(PersonMap map, string lane) => lane switch
    {
        Mentoring => "mentoring",
        Leading => "leading",
        _ => map.LaneName(lane),
    };

    private static string? MentorName(PersonMap map) => CheckInService.PrimaryMentorship(map) is { } m ? map.NameOf(m.MentorId) : null;

    private DateTimeOffset NextWorkingDayStart(Person person)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(person.TimeZone);
        var tomorrow = CallerProfiles.LocalToday(person, time.GetUtcNow()).AddDays(1);
        return CheckInSlots.Place(CadenceCalendar.ToInstant(tomorrow, person.WorkingHours.Start, zone), person);
    }

    /// <summary>FNV-1a: the same person on the same day gets the same pick, on every instance and after a restart.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Coaching prompt {PromptId} delivered ({Source}).")]
        public static partial void Delivered(ILogger logger, string promptId, string source);

        [LoggerMessage(EventId = 7502, Level = LogLevel.Warning, Message = "A coaching card action from someone who did not receive the prompt was refused.")]
        public static partial void Refused(ILogger logger);
    }
}
