using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Concerns;

/// <summary>
/// Raising a concern: the card with the choice and the plain words, then sending it to the one person chosen. Nothing
/// is escalated without the person pressing Send.
/// </summary>
internal sealed partial class ConcernService(
    MapDirectory directory,
    ConcernReader reader,
    ConcernStore store,
    ConcernQueries queries,
    IOptions<ConcernOptions> options,
    ILogger<ConcernService> logger)
{
    /// <summary>The concern card for the caller; null when they are not in the map.</summary>
    public async Task<AdaptiveCard?> ComposeAsync(Caller caller, string source, bool checkInSaved, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(caller.AadObjectId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var context = await reader.ContextAsync(cancellationToken);
        var form = Form(context, person, source) with { CheckInSaved = checkInSaved };
        return form.Choices.Count == 0 ? ConcernCard.NoRecipients(form.Language) : ConcernCard.Compose(form);
    }

    public async Task<CardActionOutcome> SendAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = Languages.From(person?.Locale ?? turn.Caller.Locale);
        if (person is null || turn.Get(ConcernFields.Concern) is not { Length: > 0 and <= 64 } id || !id.All(char.IsAsciiLetterOrDigit))
        {
            return new CardActionOutcome.ShowMessage(l.Pick("That card is out of date. Type raise a concern to start again.", "Esa tarjeta está desactualizada. Escribe raise a concern para empezar de nuevo."));
        }

        var context = await reader.ContextAsync(cancellationToken);
        var source = turn.Get(ConcernFields.Source) == ConcernFields.FromCheckIn ? ConcernFields.FromCheckIn : ConcernFields.FromCommand;
        var settings = options.Value;
        var text = turn.Get(ConcernFields.Body)?.Trim();
        var anonymous = settings.AllowAnonymous && turn.Get(ConcernFields.Anonymous) is "true" or "True";
        var form = Form(context, person, source) with { ConcernId = id, Body = text, Selected = turn.Get(ConcernFields.To), Anonymous = anonymous };
        var choice = form.Choices.FirstOrDefault(c => c.Value == form.Selected);
        var problem = string.IsNullOrWhiteSpace(text) ? l.Pick("Write what the concern is before sending.", "Escribe qué te preocupa antes de enviarla.")
            : text.Length > settings.MaxLength ? l.Pick($"Please keep it under {settings.MaxLength} characters; everything you typed is still here.", $"Mantenla por debajo de {settings.MaxLength} caracteres; todo lo que escribiste sigue aquí.")
            : choice is null ? l.Pick("Choose who should see it; everything you typed is still here.", "Elige quién debe verla; todo lo que escribiste sigue aquí.")
            : null;
        if (problem is not null)
        {
            return new CardActionOutcome.ReplaceCard(form.Choices.Count == 0 ? ConcernCard.NoRecipients(l) : ConcernCard.Compose(form with { Problem = problem }));
        }

        var raised = await store.RaiseAsync(new NewConcern(id, person.Id, anonymous, choice!.Target, choice.Recipient.PersonId, person.UnitId, text!, source),
            [new OutboxEntry(ConcernKinds.Received, id, choice.Recipient.PersonId)], cancellationToken);
        if (raised is not { } result)
        {
            Log.Refused(logger, ConcernVerbs.Send);
            return new CardActionOutcome.ShowMessage(l.Pick("That card is out of date. Type raise a concern to start again.", "Esa tarjeta está desactualizada. Escribe raise a concern para empezar de nuevo."));
        }

        if (result.Created)
        {
            if (!anonymous)
            {
                // This runs in the sender's conversation scope, so an anonymous concern is never logged here at all.
                Log.Raised(logger, choice.Target, source);
            }
        }

        return new CardActionOutcome.ReplaceCard(await reader.SenderCardAsync(context, result.Concern, person, ConcernHeadline.New, cancellationToken));
    }

    /// <summary><c>my concerns</c>: what the caller raised and what waits for them.</summary>
    public async Task<AdaptiveCard?> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(caller.AadObjectId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var l = Languages.From(person.Locale);
        var context = await reader.ContextAsync(cancellationToken);
        ConcernSummary Summary(Concern c, bool mine)
        {
            var view = ConcernReader.View(context, c, [], person, mine);
            var who = mine
                ? l.Pick($"To {view.RecipientName}", $"Para {view.RecipientName}")
                : view.SenderName is null ? l.Pick("Sent without a name", "Enviada sin nombre") : l.Pick($"From {view.SenderName}", $"De {view.SenderName}");
            return new ConcernSummary(c.Id, $"{who}, {view.RaisedWhen}: {Excerpt(c.Body)}", ConcernWords.StatusLine(view, l));
        }

        var raised = await queries.RaisedByAsync(person.Id, 10, cancellationToken);
        var handled = await queries.HandledByAsync(person.Id, 10, cancellationToken);
        return MyConcernsCard.Build([.. raised.Select(c => Summary(c, true))], [.. handled.Select(c => Summary(c, false))], l);
    }

    private ConcernForm Form(ConcernContext context, Person person, string source)
    {
        var settings = options.Value;
        return new ConcernForm(Guid.NewGuid().ToString("N"), source, ConcernRouting.ChoicesFor(context.Map, person), context.UnitName(person.UnitId),
            settings.AllowAnonymous, settings.ReminderAfter, settings.BackupAfter, settings.MaxLength, Languages.From(person.Locale));
    }

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 60).TrimEnd(), "…");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "A named concern was raised (to: {Target}, from: {Source}).")]
        public static partial void Raised(ILogger logger, string target, string source);

        [LoggerMessage(EventId = 7602, Level = LogLevel.Warning, Message = "A {Verb} action on a concern the caller may not act on was refused.")]
        public static partial void Refused(ILogger logger, string verb);
    }
}
