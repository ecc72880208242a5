using MentorBot.Cards;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Reviews;

/// <summary>Quarterly review cards: render at send time, save an answer from someone who was asked, pass a shared one on.</summary>
internal sealed partial class QuarterlyReviewService(
    MapStore map,
    MapDirectory directory,
    QuarterlyReviewStore store,
    IOptions<CheckInOptions> options,
    ILogger<QuarterlyReviewService> logger)
{
    public const string SharedKind = "quarterly-review-shared";

    public async Task<AdaptiveCard?> RenderAskAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var parts = reference.Split('|');
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        if (parts.Length != 2 || person is null || await store.FindAsync(parts[0], parts[1], personId, cancellationToken) is not { Answered: false } asked)
        {
            return null;
        }

        var pairing = (await map.LoadAsync(cancellationToken)).Mentorships.FirstOrDefault(m => m.Id == parts[0] && m.Status != MentorshipStatus.Ended);
        var other = pairing is null ? null : await directory.FindByIdAsync(pairing.MentorId == personId ? pairing.MenteeId : pairing.MentorId, cancellationToken);
        return other is null ? null : QuarterlyReviewCard.Build(asked.MentorshipId, asked.Quarter, other.Name, asked.Role == "mentor", null, options.Value.MaxAnswerLength, Languages.From(person.Locale));
    }

    /// <summary>The other person's read-only copy; rendered from the stored review, and only while it is still shared.</summary>
    public async Task<AdaptiveCard?> RenderSharedAsync(string reference, string personId, CancellationToken cancellationToken)
    {
        var parts = reference.Split('|');
        var reader = await directory.FindByIdAsync(personId, cancellationToken);
        var author = parts.Length == 3 ? await directory.FindByIdAsync(parts[2], cancellationToken) : null;
        if (reader is null || author is null || await store.FindAsync(parts[0], parts[1], parts[2], cancellationToken) is not { Answered: true, Shared: true } review)
        {
            return null;
        }

        var pairing = (await map.LoadAsync(cancellationToken)).Mentorships.FirstOrDefault(m => m.Id == parts[0]);
        if (pairing is null || !new[] { pairing.MentorId, pairing.MenteeId }.Contains(personId) || !new[] { pairing.MentorId, pairing.MenteeId }.Contains(author.Id))
        {
            return null;
        }

        var l = Languages.From(reader.Locale);
        return QuarterlyReviewCard.Summary(l.Pick($"{author.Name.Split(' ')[0]}'s quarterly review", $"Revisión trimestral de {author.Name.Split(' ')[0]}"), review, l);
    }

    public async Task<CardActionOutcome> SubmitAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = person is null ? Languages.From(turn.Caller.Locale) : Languages.From(person.Locale);
        var asked = person is null || turn.Get(ReviewFields.Mentorship) is not { } mentorshipId || turn.Get(ReviewFields.Quarter) is not { } quarter
            ? null
            : await store.FindAsync(mentorshipId, quarter, person.Id, cancellationToken);
        var pairing = asked is null ? null : (await map.LoadAsync(cancellationToken)).Mentorships.FirstOrDefault(m => m.Id == asked.MentorshipId && m.Status != MentorshipStatus.Ended);
        if (person is null || asked is null || pairing is null)
        {
            Log.Refused(logger);
            return new CardActionOutcome.ShowMessage(l.Pick("That review card is out of date or not yours, so I can't save it.", "Esa tarjeta de revisión está desactualizada o no es tuya, así que no puedo guardarla."));
        }

        var otherId = pairing.MentorId == person.Id ? pairing.MenteeId : pairing.MentorId;
        var otherName = (await directory.FindByIdAsync(otherId, cancellationToken))?.Name ?? otherId;
        static string? Text(CardActionTurn t, string key) => t.Get(key) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var review = asked with
        {
            Progress = int.TryParse(turn.Get(ReviewFields.Progress), out var p) && p is >= 1 and <= 5 ? p : null,
            WentWell = Text(turn, ReviewFields.WentWell),
            FocusNext = Text(turn, ReviewFields.FocusNext),
            Shared = turn.Get(ReviewFields.Shared) is not ("false" or "False"),
        };
        var max = options.Value.MaxAnswerLength;
        var problem = review.Progress is null ? l.Pick("Please pick a number from 1 to 5 for progress.", "Elige un número del 1 al 5 para el progreso.")
            : new[] { review.WentWell, review.FocusNext }.Any(t => t is not null && t.Length > max) ? l.Pick($"One of your answers is longer than {max} characters. Please shorten it; everything you typed is still here.", $"Una de tus respuestas tiene más de {max} caracteres. Acórtala, por favor; todo lo que escribiste sigue aquí.")
            : null;
        if (problem is not null)
        {
            return new CardActionOutcome.ReplaceCard(QuarterlyReviewCard.Build(asked.MentorshipId, asked.Quarter, otherName, asked.Role == "mentor", review, max, l, problem));
        }

        await store.AnswerAsync(review, review.Shared ? [new OutboxEntry(SharedKind, $"{review.MentorshipId}|{review.Quarter}|{person.Id}", otherId)] : [], cancellationToken);

        return new CardActionOutcome.ReplaceCard(QuarterlyReviewCard.Summary(
            review.Shared ? l.Pick($"Saved, and shared with {otherName}", $"Guardada y compartida con {otherName}") : l.Pick("Saved: private to you", "Guardada: solo para ti"), review with { Answered = true }, l));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "A quarterly review from someone who was not asked was refused.")]
        public static partial void Refused(ILogger logger);
    }
}

internal sealed class QuarterlyReviewSubmitAction(QuarterlyReviewService service) : ICardAction
{
    public string Verb => ReviewVerbs.Submit;

    public async ValueTask<CardActionOutcome> ExecuteAsync(CardActionTurn turn, CancellationToken cancellationToken) => await service.SubmitAsync(turn, cancellationToken);
}

internal sealed class QuarterlyReviewRenderer(QuarterlyReviewService service) : IOutboxRenderer
{
    public string Kind => QuarterlyReviewScheduler.ReviewKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.RenderAskAsync(reference, personId, cancellationToken);
}

internal sealed class SharedQuarterlyReviewRenderer(QuarterlyReviewService service) : IOutboxRenderer
{
    public string Kind => QuarterlyReviewService.SharedKind;

    public Task<AdaptiveCard?> RenderAsync(string reference, string personId, CancellationToken cancellationToken) => service.RenderSharedAsync(reference, personId, cancellationToken);
}
