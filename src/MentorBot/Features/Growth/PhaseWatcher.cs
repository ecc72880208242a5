using Dapper;
using MentorBot.Cards;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Growth;

/// <summary>
/// Notices when a new hire's onboarding phase changes, by the calendar or by validated competencies, and tells the
/// person and their mentors once. The phase last told is kept per person; the first look only records it, unless
/// evidence already moved the person past the calendar.
/// </summary>
internal sealed partial class PhaseWatcher(Database database, GrowthStore store, IOptions<OnboardingOptions> options, TimeProvider time, ILogger<PhaseWatcher> logger)
{
    public const string Kind = "onboarding-phase";

    /// <summary>The job: every new hire inside their first 90 days.</summary>
    public async Task RunAsync(MentorshipMap map, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hires = map.People.Where(p => Onboarding.PhaseOn(p.StartDate, CallerProfiles.LocalToday(p, now)).Phase != OnboardingPhase.None).ToList();
        if (hires.Count == 0)
        {
            return;
        }

        var validated = await store.ValidatedAsync([.. hires.Select(h => h.Id)], cancellationToken);
        var told = await ToldAsync([.. hires.Select(h => h.Id)], cancellationToken);
        var changed = 0;
        foreach (var hire in hires)
        {
            changed += await CheckAsync(map, hire, validated.GetValueOrDefault(hire.Id) ?? [], Told(told, hire.Id), cancellationToken) ? 1 : 0;
        }

        Log.Checked(logger, hires.Count, changed);
    }

    /// <summary>Right after a validation: the person's phase may have moved.</summary>
    public async Task CheckAsync(MentorshipMap map, Person person, CancellationToken cancellationToken)
    {
        var validated = await store.ValidatedAsync([person.Id], cancellationToken);
        var told = await ToldAsync([person.Id], cancellationToken);
        await CheckAsync(map, person, validated.GetValueOrDefault(person.Id) ?? [], Told(told, person.Id), cancellationToken);
    }

    /// <summary>The phase last told, or null when nobody was told yet (not <see cref="OnboardingPhase.None"/>, which would announce the first look).</summary>
    private static OnboardingPhase? Told(Dictionary<string, OnboardingPhase> told, string personId) => told.TryGetValue(personId, out var phase) ? phase : null;

    private async Task<bool> CheckAsync(MentorshipMap map, Person person, HashSet<string> validated, OnboardingPhase? told, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = CallerProfiles.LocalToday(person, now);
        var calendar = Onboarding.PhaseOn(person.StartDate, today).Phase;
        var current = OnboardingProgress.Current(options.Value.PhaseRule, person, map.Ladder.Step(person.StepId), validated, today);
        var before = told ?? calendar;
        if (current == OnboardingPhase.None || (told == current))
        {
            return false;
        }

        // Only a move forward is news. A withdrawn validation can move the phase back under the evidence rules: that is
        // recorded quietly, so the next move forward is announced again.
        var announce = current > before;
        var byEvidence = current != calendar;
        var mentors = map.Mentorships.Where(m => m.MenteeId == person.Id && m.Status == MentorshipStatus.Active).Select(m => m.MentorId).Distinct(StringComparer.Ordinal);
        var reference = $"{person.Id}|{LadderNames.Name(current)}|{(byEvidence ? "evidence" : "calendar")}|{now.ToUnixTimeMilliseconds()}";
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO onboarding_phases (person_id, phase, since_ms) VALUES (@id, @phase, @now)
                ON CONFLICT (person_id) DO UPDATE SET phase = excluded.phase, since_ms = excluded.since_ms
                """,
                new { id = person.Id, phase = LadderNames.Name(current), now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
            if (announce)
            {
                await OutboxStore.QueueAsync(connection, transaction, [new OutboxEntry(Kind, reference, person.Id), .. mentors.Select(m => new OutboxEntry(Kind, reference, m))], now, cancellationToken);
            }

            return 0;
        }, cancellationToken);
        if (announce)
        {
            Log.Moved(logger, LadderNames.Name(current), byEvidence);
        }

        return announce;
    }

    private async Task<Dictionary<string, OnboardingPhase>> ToldAsync(string[] people, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Person, string Phase)>(new CommandDefinition(
            $"SELECT person_id, phase FROM onboarding_phases WHERE {database.AnyOf("person_id", "people")}", new { people }, cancellationToken: cancellationToken));
        return rows.Where(r => LadderNames.TryPhase(r.Phase, out _)).ToDictionary(r => r.Person, r => LadderNames.TryPhase(r.Phase, out var p) ? p : OnboardingPhase.Observe, StringComparer.Ordinal);
    }

    /// <summary>The card for one recipient: the person themselves, or one of their mentors.</summary>
    public static AdaptiveCard? Render(string reference, MentorshipMap map, string recipientId)
    {
        var parts = reference.Split('|');
        if (parts.Length < 3 || !LadderNames.TryPhase(parts[1], out var phase)
            || map.People.FirstOrDefault(p => p.Id == parts[0]) is not { } person || map.People.FirstOrDefault(p => p.Id == recipientId) is not { } recipient)
        {
            return null;
        }

        return GrowthCard.PhaseChanged(person.Name, person.Id == recipient.Id, phase, parts[2] == "evidence", Languages.From(recipient.Locale));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 8205, Level = LogLevel.Information, Message = "Onboarding phases checked for {People} new hires: {Changed} moved.")]
        public static partial void Checked(ILogger logger, int people, int changed);

        [LoggerMessage(EventId = 8206, Level = LogLevel.Information, Message = "A new hire moved to {Phase} (by evidence: {ByEvidence}).")]
        public static partial void Moved(ILogger logger, string phase, bool byEvidence);
    }
}
