using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Growth;

/// <summary>
/// The ladder in chat: <c>my growth</c>, <c>growth &lt;name&gt;</c>, self-ratings, validations and withdrawals. Every
/// action is checked against the current map (<see cref="GrowthAccess"/>); a card's data only says which person and
/// competency, never who may act.
/// </summary>
internal sealed partial class GrowthService(
    MapDirectory directory,
    MapSnapshots snapshots,
    GrowthStore store,
    PhaseWatcher phases,
    IOptions<OnboardingOptions> options,
    TimeProvider time,
    ILogger<GrowthService> logger)
{
    public const string ValidatedKind = "competency-validated";

    public async Task<AdaptiveCard?> MineAsync(Caller caller, CancellationToken cancellationToken)
    {
        var map = await snapshots.CurrentAsync(cancellationToken);
        return await directory.FindByAadObjectIdAsync(caller.AadObjectId, cancellationToken) is { } me
            ? GrowthCard.Build(await ViewAsync(map, me, me, cancellationToken))
            : null;
    }

    /// <summary>Someone else's ladder, found by name among the people whose status the caller may see.</summary>
    public async Task<AdaptiveCard?> ShowAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(caller.AadObjectId, cancellationToken) is not { } me)
        {
            return null;
        }

        var l = Languages.From(me.Locale);
        var map = await snapshots.CurrentAsync(cancellationToken);
        var visible = map.People.Where(p => p.Id != me.Id && GrowthAccess.MaySeeStatus(me, p, map.Mentorships)).ToList();
        var wanted = name.Trim();
        var match = visible.FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? visible.FirstOrDefault(p => p.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            ?? visible.FirstOrDefault(p => p.Name.Split(' ').Any(part => part.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)));
        if (wanted.Length == 0 || match is null)
        {
            var mentees = map.Mentorships.Where(m => m.MentorId == me.Id && m.Status != MentorshipStatus.Ended).Select(m => m.MenteeId).Distinct()
                .Select(id => map.People.FirstOrDefault(p => p.Id == id)?.Name).OfType<string>().Order().ToList();
            var hint = mentees.Count > 0
                ? l.Pick($"You can open: {string.Join(", ", mentees)}.", $"Puedes abrir: {string.Join(", ", mentees)}.")
                : l.Pick("You can open the growth of your mentees, and of your unit's staff if you lead it.", "Puedes abrir el crecimiento de tus mentorados y, si diriges una unidad, de su personal.");
            var title = wanted.Length == 0 ? l.Pick("Whose growth?", "¿El crecimiento de quién?") : l.Pick($"No one called \"{wanted}\" that you can see", $"Nadie llamado \"{wanted}\" a quien puedas ver");
            return Blocks.Card(title, [Blocks.Heading(title), Blocks.Paragraph(l.Pick("Type growth and a first name, for example growth Alex.", "Escribe growth y un nombre, por ejemplo growth Alex.")), Blocks.Subtle(hint)]);
        }

        return GrowthCard.Build(await ViewAsync(map, me, match, cancellationToken));
    }

    public async Task<CardActionOutcome> RateAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return new CardActionOutcome.ReplaceCard(NotInMapCard.Build(Languages.From(turn.Caller.Locale)));
        }

        var map = await snapshots.CurrentAsync(cancellationToken);
        var l = Languages.From(me.Locale);
        var changed = 0;
        foreach (var competency in map.Ladder.Step(me.StepId)?.Competencies ?? [])
        {
            if (GrowthNames.Rating(turn.Get(GrowthFields.Rating(competency.Id))) is not { } rating)
            {
                continue;
            }

            var change = new CompetencyEvent(NewId(), me.Id, competency.Id, CompetencyEvent.SelfRated, default, me.Id, null, null, rating, null);
            var (_, wrote) = await store.RecordAsync(change, s => s.SelfRating == rating ? null : s with
            {
                SelfRating = rating,
                Status = s.Status == CompetencyStatus.NotStarted ? CompetencyStatus.InProgress : s.Status,
            }, null, _ => [], cancellationToken);
            changed += wrote ? 1 : 0;
        }

        Log.Rated(logger, changed);
        var notice = changed == 0 ? l.Pick("Nothing changed: your ratings were already saved.", "Nada cambió: tus valoraciones ya estaban guardadas.") : l.Pick("Your ratings are saved.", "Tus valoraciones están guardadas.");
        return new CardActionOutcome.ReplaceCard(GrowthCard.Build(await ViewAsync(map, me, me, cancellationToken), notice));
    }

    public async Task<CardActionOutcome> ValidateAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (me, subject, competency, map, refusal) = await AuthoriseAsync(turn, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var l = Languages.From(me!.Locale);
        var today = CallerProfiles.LocalToday(me, time.GetUtcNow());
        var methodOk = LadderNames.TryMethod(turn.Get(GrowthFields.Method(competency!.Id)), out var method) && competency.Methods.Contains(method);
        var dateOk = MapValues.TryDate(turn.Get(GrowthFields.On(competency.Id)), out var on) && on <= today && on >= today.AddYears(-1);
        if (!methodOk || !dateOk)
        {
            return new CardActionOutcome.ShowMessage(!methodOk
                ? l.Pick("Choose how you saw it: " + string.Join(", ", competency.Methods.Select(m => GrowthText.Method(m, l))) + ".", "Elige cómo lo viste: " + string.Join(", ", competency.Methods.Select(m => GrowthText.Method(m, l))) + ".")
                : l.Pick("Pick the day you saw it: today or up to a year before.", "Elige el día en que lo viste: hoy o hasta un año antes."));
        }

        var note = turn.Get(GrowthFields.Note(competency.Id))?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, GrowthCard.NoteMaxLength)] : null;
        var step = map!.Ladder.Step(subject!.StepId);
        var change = new CompetencyEvent(NewId(), subject.Id, competency.Id, CompetencyEvent.Validated, default, me.Id, on, method, null, note);
        var (_, wrote) = await store.RecordAsync(change,
            s => s.Status == CompetencyStatus.Validated ? null : s with { Status = CompetencyStatus.Validated, ObservedOn = on, Method = method, ValidatorId = me.Id },
            step?.Onboarding.ContainsKey(competency.Id) == true ? step : null,
            e => [new OutboxEntry(ValidatedKind, e.Id, subject.Id)],
            cancellationToken);
        if (wrote)
        {
            Log.Validated(logger, competency.Id);
            await phases.CheckAsync(map, subject, cancellationToken);
        }

        var notice = wrote
            ? l.Pick($"Validated: {competency.Name}. {subject.Name} gets a card.", $"Validada: {competency.Name}. {subject.Name} recibe una tarjeta.")
            : l.Pick($"{competency.Name} was already validated: nothing changed.", $"{competency.Name} ya estaba validada: nada cambió.");
        return new CardActionOutcome.ReplaceCard(GrowthCard.Build(await ViewAsync(map, me, subject, cancellationToken), notice));
    }

    public async Task<CardActionOutcome> WithdrawAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var (me, subject, competency, map, refusal) = await AuthoriseAsync(turn, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var l = Languages.From(me!.Locale);
        if (turn.Get(GrowthFields.WithdrawReason(competency!.Id))?.Trim() is not { Length: > 0 } reason)
        {
            return new CardActionOutcome.ShowMessage(l.Pick("Say why the validation is withdrawn; it stays in the history.", "Indica por qué se retira la validación; queda en el historial."));
        }

        var change = new CompetencyEvent(NewId(), subject!.Id, competency.Id, CompetencyEvent.Withdrawn, default, me.Id, null, null, null, reason[..Math.Min(reason.Length, GrowthCard.NoteMaxLength)]);
        var (_, wrote) = await store.RecordAsync(change,
            s => s.Status != CompetencyStatus.Validated ? null : s with { Status = CompetencyStatus.InProgress, ObservedOn = null, Method = null, ValidatorId = null },
            null, _ => [], cancellationToken);
        if (wrote)
        {
            Log.Withdrawn(logger, competency.Id);
            await phases.CheckAsync(map!, subject, cancellationToken);
        }

        var notice = wrote
            ? l.Pick($"Withdrawn: {competency.Name}. The history keeps the validation and why it was withdrawn.", $"Retirada: {competency.Name}. El historial guarda la validación y el motivo.")
            : l.Pick($"{competency.Name} was not validated: nothing changed.", $"{competency.Name} no estaba validada: nada cambió.");
        return new CardActionOutcome.ReplaceCard(GrowthCard.Build(await ViewAsync(map!, me, subject, cancellationToken), notice));
    }

    public async Task<CardActionOutcome> ShowActionAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return new CardActionOutcome.ReplaceCard(NotInMapCard.Build(Languages.From(turn.Caller.Locale)));
        }

        var map = await snapshots.CurrentAsync(cancellationToken);
        var subject = map.People.FirstOrDefault(p => p.Id == turn.Get(GrowthFields.Person));
        if (subject is null || !GrowthAccess.MaySeeStatus(me, subject, map.Mentorships))
        {
            Log.Refused(logger, GrowthVerbs.Show);
            return new CardActionOutcome.ShowMessage(Languages.From(me.Locale).Pick("You can no longer see this person's growth.", "Ya no puedes ver el crecimiento de esta persona."));
        }

        return new CardActionOutcome.ReplaceCard(GrowthCard.Build(await ViewAsync(map, me, subject, cancellationToken)));
    }

    /// <summary>One competency's history for someone who may see the person's status; the words only for those who may see private parts.</summary>
    public async Task<CardActionOutcome> HistoryAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return new CardActionOutcome.ReplaceCard(NotInMapCard.Build(Languages.From(turn.Caller.Locale)));
        }

        var l = Languages.From(me.Locale);
        var map = await snapshots.CurrentAsync(cancellationToken);
        var subject = map.People.FirstOrDefault(p => p.Id == turn.Get(GrowthFields.Person));
        var competency = map.Ladder.Find(turn.Get(GrowthFields.Competency));
        if (subject is null || competency is null || !GrowthAccess.MaySeeStatus(me, subject, map.Mentorships))
        {
            Log.Refused(logger, GrowthVerbs.History);
            return new CardActionOutcome.ShowMessage(l.Pick("You can no longer see this person's growth.", "Ya no puedes ver el crecimiento de esta persona."));
        }

        var showPrivate = GrowthAccess.MaySeePrivate(me, subject, map.Mentorships);
        var names = map.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var entries = (await store.HistoryAsync(subject.Id, competency.Id, cancellationToken))
            .Where(e => showPrivate || e.Kind != CompetencyEvent.SelfRated)
            .Select(e => (
                TimeText.When(e.At, me.TimeZone, l),
                e.Kind switch
                {
                    CompetencyEvent.Validated => l.Pick(
                        $"Validated by {names.GetValueOrDefault(e.ActorId) ?? e.ActorId}, observed {TimeText.Date(e.ObservedOn ?? default, l)} ({GrowthText.Method(e.Method ?? ValidationMethod.Observation, l)})",
                        $"Validada por {names.GetValueOrDefault(e.ActorId) ?? e.ActorId}, observada el {TimeText.Date(e.ObservedOn ?? default, l)} ({GrowthText.Method(e.Method ?? ValidationMethod.Observation, l)})"),
                    CompetencyEvent.Withdrawn => l.Pick($"Withdrawn by {names.GetValueOrDefault(e.ActorId) ?? e.ActorId}", $"Retirada por {names.GetValueOrDefault(e.ActorId) ?? e.ActorId}"),
                    _ => l.Pick($"Rated: {GrowthText.Rating(e.Rating ?? SelfRating.NotYet, l)}", $"Valoración: {GrowthText.Rating(e.Rating ?? SelfRating.NotYet, l)}"),
                },
                showPrivate ? e.Note : null))
            .ToList();
        return new CardActionOutcome.ReplaceCard(GrowthCard.History(subject.Id, subject.Name, competency.Name, entries, l));
    }

    /// <summary>The card a person gets when a competency of theirs is validated, or null when it no longer applies.</summary>
    public async Task<AdaptiveCard?> RenderValidatedAsync(string eventId, string personId, CancellationToken cancellationToken)
    {
        if (await store.FindEventAsync(eventId, cancellationToken) is not { Kind: CompetencyEvent.Validated } e || e.PersonId != personId)
        {
            return null;
        }

        var map = await snapshots.CurrentAsync(cancellationToken);
        var person = map.People.FirstOrDefault(p => p.Id == personId);
        var competency = map.Ladder.Find(e.CompetencyId);
        if (person is null || competency is null || e.ObservedOn is not { } on || e.Method is not { } method)
        {
            return null;
        }

        var validator = map.People.FirstOrDefault(p => p.Id == e.ActorId)?.Name ?? Languages.From(person.Locale).Pick("Your mentor", "Tu mentor");
        return GrowthCard.Validated(validator, competency.Name, on, method, e.Note, Languages.From(person.Locale));
    }

    private async Task<(Person? Me, Person? Subject, Competency? Competency, MentorshipMap? Map, CardActionOutcome? Refusal)> AuthoriseAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        if (await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken) is not { } me)
        {
            return (null, null, null, null, new CardActionOutcome.ReplaceCard(NotInMapCard.Build(Languages.From(turn.Caller.Locale))));
        }

        var map = await snapshots.CurrentAsync(cancellationToken);
        var subject = map.People.FirstOrDefault(p => p.Id == turn.Get(GrowthFields.Person));
        var competency = map.Ladder.Find(turn.Get(GrowthFields.Competency));
        if (subject is null || competency is null || competency.StepId != subject.StepId || !GrowthAccess.MayValidate(me, subject, competency, map.Mentorships))
        {
            Log.Refused(logger, turn.Verb);
            var l = Languages.From(me.Locale);
            return (me, null, null, map, new CardActionOutcome.ShowMessage(l.Pick(
                "You cannot validate this competency for this person: the map no longer lets you (ask your programme admin if that is wrong).",
                "No puedes validar esta competencia para esta persona: el mapa ya no te lo permite (consulta a la administración del programa si es un error).")));
        }

        return (me, subject, competency, map, null);
    }

    internal async Task<GrowthView> ViewAsync(MentorshipMap map, Person viewer, Person subject, CancellationToken cancellationToken)
    {
        var l = Languages.From(viewer.Locale);
        var today = CallerProfiles.LocalToday(viewer, time.GetUtcNow());
        var step = map.Ladder.Step(subject.StepId);
        var states = await store.StatesAsync(subject.Id, cancellationToken);
        var showPrivate = GrowthAccess.MaySeePrivate(viewer, subject, map.Mentorships);
        var names = map.People.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var lines = (step?.Competencies ?? [])
            .OrderBy(c => step!.Onboarding.TryGetValue(c.Id, out var p) ? (int)p : 9)
            .Select(c =>
            {
                var state = states.GetValueOrDefault(c.Id) ?? CompetencyState.NotStarted(c.Id);
                if (!showPrivate)
                {
                    // A leader sees the workplace record only: no self-rating, and "in progress" says nothing a self-rating started.
                    state = state with { SelfRating = null, Status = state.Status == CompetencyStatus.Validated ? CompetencyStatus.Validated : CompetencyStatus.NotStarted };
                }

                return new CompetencyLine(
                    c, map.Lanes.FirstOrDefault(x => x.Id == c.LaneId)?.Name ?? c.LaneId, step!.Onboarding.TryGetValue(c.Id, out var phase) ? phase : null, state,
                    state.ValidatorId is { } v ? names.GetValueOrDefault(v) : null, showPrivate, GrowthAccess.MayValidate(viewer, subject, c, map.Mentorships));
            })
            .ToList();
        var validated = states.Values.Where(s => s.Status == CompetencyStatus.Validated).Select(s => s.CompetencyId).ToHashSet(StringComparer.Ordinal);
        var phase = OnboardingProgress.Current(options.Value.PhaseRule, subject, step, validated, CallerProfiles.LocalToday(subject, time.GetUtcNow()));
        var track = step is null ? null : map.Ladder.Tracks.FirstOrDefault(t => t.Id == step.TrackId)?.Name;
        return new GrowthView(subject.Id, subject.Name, viewer.Id == subject.Id, track, step, map.Ladder.Next(step?.Id), phase, lines, today, l);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static partial class Log
    {
        [LoggerMessage(EventId = 8201, Level = LogLevel.Information, Message = "Self-ratings saved: {Count} changed.")]
        public static partial void Rated(ILogger logger, int count);

        [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Competency {CompetencyId} validated.")]
        public static partial void Validated(ILogger logger, string competencyId);

        [LoggerMessage(EventId = 8203, Level = LogLevel.Information, Message = "Competency {CompetencyId} validation withdrawn.")]
        public static partial void Withdrawn(ILogger logger, string competencyId);

        [LoggerMessage(EventId = 8204, Level = LogLevel.Warning, Message = "Refused {Verb}: the map does not allow it.")]
        public static partial void Refused(ILogger logger, string verb);
    }
}
