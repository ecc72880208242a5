using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Matching;

/// <summary>
/// Runs matching for programme admins: suggest (optimal over the whole pool, saved as a draft run), publish the
/// accepted pairings into the map in one transaction, then introduce both people and tell the unmatched why.
/// Also takes "change my mentor" requests, which reach admins and join the next run.
/// </summary>
internal sealed partial class MatchingService(
    MatchPool pool,
    MatchingStore store,
    MapStore map,
    MapDirectory directory,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<MatchingService> logger)
{
    public const string IntroKind = "match-intro";
    public const string UnmatchedKind = "match-unmatched";
    public const string RematchKind = "rematch-request";

    public async Task<SavedRun> SuggestAsync(string createdBy, UnitPreference units, CancellationToken cancellationToken)
    {
        var (request, replaces) = await pool.BuildAsync(units, cancellationToken);
        var outcome = MentorMatcher.Match(request);
        var runId = MatchingStore.NewRunId(time.GetUtcNow());
        await store.SaveRunAsync(runId, createdBy, outcome, replaces, cancellationToken);
        Log.Suggested(logger, runId, outcome.Suggestions.Count, outcome.Unmatched.Count, outcome.Objective);
        return (await store.FindRunAsync(runId, cancellationToken))!;
    }

    /// <summary>
    /// Publishes the run: <paramref name="rejected"/> mentees are left out, everyone else is paired. Null when the run is
    /// unknown or already published. <paramref name="actor"/> (an admin's map id, or who ran the CLI) goes to the audit log.
    /// </summary>
    public async Task<PublishResult?> PublishAsync(string runId, IReadOnlySet<string> rejected, string actor, CancellationToken cancellationToken)
    {
        var run = await store.FindRunAsync(runId, cancellationToken);
        if (run is null || run.Status != "draft")
        {
            return null;
        }

        var accepted = run.Suggestions.Where(s => !rejected.Contains(s.MenteeId)).Select(s => s.MenteeId).ToHashSet(StringComparer.Ordinal);
        var people = (await map.LoadAsync(cancellationToken)).People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // Both people of each new pairing get an intro, the unmatched are told why: queued with the publishing itself.
        IReadOnlyList<OutboxEntry> cards =
        [
            .. run.Suggestions.Where(s => accepted.Contains(s.MenteeId)).SelectMany(s => new[]
            {
                new OutboxEntry(IntroKind, PairingId(runId, s), s.MenteeId),
                new OutboxEntry(IntroKind, PairingId(runId, s), s.MentorId),
            }),
            .. run.Unmatched.Select(u => new OutboxEntry(UnmatchedKind, runId, u.MenteeId)),
        ];
        if (!await store.PublishAsync(runId, accepted, s => NewPairing(runId, s, people, today), actor, cards, cancellationToken))
        {
            return null;
        }

        Log.Published(logger, runId, accepted.Count, run.Suggestions.Count - accepted.Count, run.Unmatched.Count);
        return new PublishResult(accepted.Count, run.Suggestions.Count - accepted.Count, run.Unmatched.Count);
    }

    /// <summary>"change my mentor": records the request for the caller's lane pairing and tells admins. The mentor is not told.</summary>
    public async Task<AdaptiveCard> ChangeMyMentorAsync(PersonMap caller, Language l, CancellationToken cancellationToken)
    {
        var pairing = caller.AsMentee.FirstOrDefault(m => m.Kind == MentorshipKind.Lane && m.Status != MentorshipStatus.Ended);
        if (pairing is null)
        {
            return MatchCard.NothingToChange(l);
        }

        await RequestRematchAsync(pairing, "asked", cancellationToken);
        return MatchCard.ChangeRequested(caller.NameOf(pairing.MentorId), l);
    }

    /// <summary>Opens a re-match for a pairing (asked for, or calibrated low) and tells every programme admin once.</summary>
    public async Task RequestRematchAsync(Mentorship pairing, string source, CancellationToken cancellationToken)
    {
        var admins = (await map.LoadAsync(cancellationToken)).People.Where(p => p.IsAdmin).Select(admin => new OutboxEntry(RematchKind, pairing.Id, admin.Id)).ToList();
        if (!await store.RequestRematchAsync(pairing, source, admins, cancellationToken))
        {
            return;
        }

        Log.RematchRequested(logger, source);
    }

    public async Task<AdaptiveCard?> IntroCardAsync(string mentorshipId, string personId, CancellationToken cancellationToken)
    {
        // One read of the map serves the pairing and the lane names (each intro card is rendered at send time).
        var current = await map.LoadAsync(cancellationToken);
        var pairing = current.Mentorships.FirstOrDefault(m => m.Id == mentorshipId);
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        if (pairing is null || person is null || (pairing.MentorId != personId && pairing.MenteeId != personId))
        {
            return null;
        }

        var other = await directory.FindByIdAsync(pairing.MentorId == personId ? pairing.MenteeId : pairing.MentorId, cancellationToken);
        var lanes = current.Lanes.Where(l => pairing.Lanes.Contains(l.Id, StringComparer.Ordinal)).Select(l => l.Name).ToList();
        return other is null ? null : MatchCard.Intro(person, other, pairing, lanes, pairing.MentorId == personId, Languages.From(person.Locale));
    }

    public async Task<AdaptiveCard?> UnmatchedCardAsync(string runId, string personId, CancellationToken cancellationToken)
    {
        var run = await store.FindRunAsync(runId, cancellationToken);
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        var entry = run?.Unmatched.FirstOrDefault(u => u.MenteeId == personId);
        return person is null || entry is not { MenteeId: not null } found ? null : MatchCard.Unmatched(found.Explanation, Languages.From(person.Locale));
    }

    public async Task<AdaptiveCard?> RematchCardAsync(string mentorshipId, string adminId, CancellationToken cancellationToken)
    {
        var current = await map.LoadAsync(cancellationToken);
        var pairing = current.Mentorships.FirstOrDefault(m => m.Id == mentorshipId);
        var admin = current.People.FirstOrDefault(p => p.Id == adminId && p.IsAdmin);
        if (pairing is null || admin is null)
        {
            return null;
        }

        var name = current.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var request = (await store.OpenRematchesAsync(cancellationToken)).FirstOrDefault(r => r.MentorshipId == mentorshipId);
        return request is null ? null : MatchCard.RematchForAdmin(name.GetValueOrDefault(pairing.MenteeId, pairing.MenteeId), name.GetValueOrDefault(pairing.MentorId, pairing.MentorId), request.Source, Languages.From(admin.Locale));
    }

    private Mentorship NewPairing(string runId, SavedSuggestion suggestion, IReadOnlyDictionary<string, Person> people, DateOnly today)
    {
        var mentee = people[suggestion.MenteeId];
        var day = mentee.WorkingHours.Days.Contains(DayOfWeek.Tuesday) ? DayOfWeek.Tuesday : mentee.WorkingHours.Days.FirstOrDefault();
        var at = mentee.WorkingHours.Start.AddHours(1);
        return new Mentorship(PairingId(runId, suggestion), suggestion.MentorId, suggestion.MenteeId, suggestion.Lanes, MentorshipKind.Lane,
            new Cadence(CadenceFrequency.Biweekly, day, at), today, MentorshipStatus.Active, null, today.AddDays(options.Value.CalibrateAfterDays));
    }

    private static string PairingId(string runId, SavedSuggestion suggestion) => $"{runId}-{suggestion.Position}";

    private static partial class Log
    {
        [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Matching run {RunId}: {Suggestions} suggestions, {Unmatched} unmatched, objective {Objective}.")]
        public static partial void Suggested(ILogger logger, string runId, int suggestions, int unmatched, long objective);

        [LoggerMessage(EventId = 7602, Level = LogLevel.Information, Message = "Matching run {RunId} published: {Accepted} pairings, {Rejected} rejected, {Unmatched} told they are unmatched.")]
        public static partial void Published(ILogger logger, string runId, int accepted, int rejected, int unmatched);

        [LoggerMessage(EventId = 7603, Level = LogLevel.Information, Message = "A re-match was requested ({Source}); programme admins are told.")]
        public static partial void RematchRequested(ILogger logger, string source);
    }
}

internal sealed record PublishResult(int Paired, int Rejected, int Unmatched);
