using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Pulses;

/// <summary>What programme admins do with pulses: create one (its first run opens at once) and read results.</summary>
internal sealed partial class PulseAdmin(
    MapStore map,
    MapDirectory directory,
    PulseStore store,
    PulseBallotBox ballots,
    PulseScheduler scheduler,
    AuditLog audit,
    IOptions<PulseOptions> options,
    TimeProvider time,
    ILogger<PulseAdmin> logger)
{
    public const string CreateAuditAction = "pulse.create";

    public async Task<AdaptiveCard> CreateFormAsync(Person admin, CancellationToken cancellationToken) =>
        PulseCreateCard.Build(new PulseCreateForm("p-" + Guid.NewGuid().ToString("N")[..8], Audiences(await map.LoadAsync(cancellationToken), Languages.From(admin.Locale)), Languages.From(admin.Locale)));

    public async Task<CardActionOutcome> CreateAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        if (await AdminAsync(turn.Caller, cancellationToken) is not { } admin)
        {
            return NotAdmin(turn.Caller);
        }

        var l = Languages.From(admin.Locale);
        var current = await map.LoadAsync(cancellationToken);
        var (spec, draft) = Read(turn);
        var problems = PulseValidator.Validate(l.Pick("The pulse", "El pulso"), spec);
        if (problems.Count > 0)
        {
            return new CardActionOutcome.ReplaceCard(PulseCreateCard.Build(new PulseCreateForm(spec.Id ?? "p-" + Guid.NewGuid().ToString("N")[..8], Audiences(current, l), l, draft, problems)));
        }

        var pulse = PulseValidator.ToPulse(spec, time.GetUtcNow(), "admin", admin.Id);
        if (await store.CreateAsync(pulse, cancellationToken))
        {
            await audit.RecordAsync(admin.Id, CreateAuditAction, pulse.Id, $"questions={pulse.Questions.Count};audience={pulse.Audience.Kind};schedule={pulse.Schedule}", cancellationToken);
            if (await scheduler.OpenDueAsync(current, pulse, cancellationToken) is { } run)
            {
                await scheduler.InviteAsync(run, PulseCalendar.Audience(current, pulse.Audience), cancellationToken);
            }

            Log.Created(logger, pulse.Questions.Count, pulse.Schedule);
        }

        pulse = await store.FindAsync(pulse.Id, cancellationToken) ?? pulse;
        var latest = (await store.RunsAsync(pulse.Id, cancellationToken)).FirstOrDefault();
        var next = PulseCalendar.Next(pulse.Schedule, pulse.StartsAt, latest?.Seq ?? 0);
        return new CardActionOutcome.ReplaceCard(PulseCreateCard.Created(pulse.Title, pulse.Id, latest?.Invited ?? 0,
            latest is null ? "-" : TimeText.When(latest.ClosesAt, admin.TimeZone, l), next is { } at ? TimeText.When(at, admin.TimeZone, l) : null, l));
    }

    /// <summary><c>pulse results [id]</c>: one pulse's latest run, or the list of pulses.</summary>
    public async Task<AdaptiveCard> ResultsAsync(Person admin, string pulseId, CancellationToken cancellationToken)
    {
        var l = Languages.From(admin.Locale);
        var pulse = pulseId.Length == 0 ? null : await store.FindAsync(pulseId.Trim(), cancellationToken);
        if (pulse is null)
        {
            var items = new List<PulseListItem>();
            foreach (var active in await store.ActiveAsync(cancellationToken))
            {
                var run = (await store.RunsAsync(active.Id, cancellationToken)).FirstOrDefault();
                items.Add(new PulseListItem(active.Id, active.Title, run is null
                    ? l.Pick("no run yet", "aún sin ediciones")
                    : l.Pick($"run {run.Seq}, {await ballots.RespondedCountAsync(run.Id, cancellationToken)} of {run.Invited} answered", $"edición {run.Seq}, {await ballots.RespondedCountAsync(run.Id, cancellationToken)} de {run.Invited} respuestas")));
            }

            return PulseResultsCard.List(items, l);
        }

        var runs = (await store.RunsAsync(pulse.Id, cancellationToken)).Where(r => r.OpensAt <= time.GetUtcNow()).ToList();
        return runs.Count == 0
            ? PulseResultsCard.List([new PulseListItem(pulse.Id, pulse.Title, l.Pick("no run yet", "aún sin ediciones"))], l)
            : await RunResultsAsync(pulse, runs[0], runs.Skip(1).FirstOrDefault(), admin, cancellationToken);
    }

    public async Task<CardActionOutcome> ResultsActionAsync(CardActionTurn turn, CancellationToken cancellationToken) =>
        await AdminAsync(turn.Caller, cancellationToken) is { } admin
            ? new CardActionOutcome.ReplaceCard(await ResultsAsync(admin, turn.Get(PulseFields.Pulse) ?? string.Empty, cancellationToken))
            : NotAdmin(turn.Caller);

    /// <summary>The results card a closed run sends to a programme admin.</summary>
    public async Task<AdaptiveCard?> RenderResultsAsync(string runId, string personId, CancellationToken cancellationToken)
    {
        var run = await store.FindRunAsync(runId, cancellationToken);
        var pulse = run is null ? null : await store.FindAsync(run.PulseId, cancellationToken);
        if (run is null || pulse is null || await directory.FindByIdAsync(personId, cancellationToken) is not { IsAdmin: true } admin)
        {
            return null;
        }

        var previous = (await store.RunsAsync(pulse.Id, cancellationToken)).FirstOrDefault(r => r.Seq == run.Seq - 1);
        return await RunResultsAsync(pulse, run, previous, admin, cancellationToken);
    }

    public async Task<Person?> AdminAsync(Caller caller, CancellationToken cancellationToken) =>
        await directory.FindByAadObjectIdAsync(caller.AadObjectId, cancellationToken) is { IsAdmin: true } admin ? admin : null;

    private async Task<AdaptiveCard> RunResultsAsync(Pulse pulse, PulseRun run, PulseRun? previous, Person admin, CancellationToken cancellationToken)
    {
        var l = Languages.From(admin.Locale);
        var settings = options.Value;
        var view = PulseResults.Compute(pulse.Title, await TallyAsync(run, cancellationToken), previous is null ? null : await TallyAsync(previous, cancellationToken),
            settings.MinResponses, settings.MinResponsesForComments);
        var when = run.IsOpenAt(time.GetUtcNow())
            ? l.Pick($"open until {TimeText.When(run.ClosesAt, admin.TimeZone, l)}", $"abierta hasta el {TimeText.When(run.ClosesAt, admin.TimeZone, l)}")
            : l.Pick($"closed {TimeText.When(run.ClosesAt, admin.TimeZone, l)}", $"cerrada el {TimeText.When(run.ClosesAt, admin.TimeZone, l)}");
        return PulseResultsCard.Build(view, when, l);
    }

    private async Task<RunTally> TallyAsync(PulseRun run, CancellationToken cancellationToken) => new(
        run, await ballots.RespondedCountAsync(run.Id, cancellationToken), await ballots.CountsAsync(run.Id, cancellationToken), await ballots.CommentsAsync(run.Id, cancellationToken));

    private static (PulseSpec Spec, Dictionary<string, string> Draft) Read(CardActionTurn turn)
    {
        var draft = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Get(string key)
        {
            var value = turn.Get(key)?.Trim();
            if (!string.IsNullOrEmpty(value))
            {
                draft[key] = value;
            }

            return string.IsNullOrEmpty(value) ? null : value;
        }

        var audience = (Get(PulseFields.Audience) ?? PulseAudienceKind.Programme).Split(':', 2);
        var spec = new PulseSpec
        {
            Id = turn.Get(PulseFields.Pulse),
            Title = Get(PulseFields.Title),
            Schedule = Get(PulseFields.Schedule) ?? PulseSchedule.Once,
            Audience = new PulseSpecAudience { Kind = audience[0], Id = audience.Length > 1 ? audience[1] : null },
            Questions = [],
        };
        for (var i = 1; i <= PulseFields.MaxQuestions; i++)
        {
            var kind = Get(PulseFields.QuestionKind(i)) ?? PulseQuestionKind.Scale;
            var options = Get(PulseFields.QuestionOptions(i));
            if (Get(PulseFields.QuestionText(i)) is { } text)
            {
                spec.Questions.Add(new PulseSpecQuestion
                {
                    Id = $"q{i}",
                    Kind = kind,
                    Text = text,
                    Options = kind == PulseQuestionKind.Choice ? [.. (options ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
                });
            }
        }

        return (spec, draft);
    }

    private static IReadOnlyList<(string Title, string Value)> Audiences(MentorshipMap map, Language l) =>
    [
        (l.Pick("The whole programme", "Todo el programa"), PulseAudienceKind.Programme),
        .. map.Units.Select(u => (l.Pick($"Unit: {u.Name}", $"Unidad: {u.Name}"), $"{PulseAudienceKind.Unit}:{u.Id}")),
        .. Enum.GetValues<Level>().Select(v => (l.Pick($"Level: {RoleSummary.LevelName(v, Language.English)}", $"Nivel: {RoleSummary.LevelName(v, Language.Spanish)}"), $"{PulseAudienceKind.Level}:{v.ToString().ToLowerInvariant()}")),
        .. map.Circles.Select(c => (l.Pick($"Circle: {c.Name}", $"Círculo: {c.Name}"), $"{PulseAudienceKind.Circle}:{c.Id}")),
    ];

    private static CardActionOutcome NotAdmin(Caller caller) => new CardActionOutcome.ShowMessage(Languages.From(caller.Locale).Pick(
        "Only programme admins can create pulses or read their results.", "Solo la administración del programa puede crear pulsos o ver sus resultados."));

    private static partial class Log
    {
        [LoggerMessage(EventId = 7721, Level = LogLevel.Information, Message = "Pulse created ({Questions} questions, {Schedule}).")]
        public static partial void Created(ILogger logger, int questions, string schedule);
    }
}
