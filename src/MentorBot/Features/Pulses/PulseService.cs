using MentorBot.Cards;
using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Pulses;

/// <summary>Answering a pulse: the card, at send time, for someone it asks; and counting their answers, once, without their name.</summary>
internal sealed partial class PulseService(
    MapDirectory directory,
    PulseStore store,
    PulseBallotBox ballots,
    IOptions<PulseOptions> options,
    TimeProvider time,
    ILogger<PulseService> logger)
{
    /// <summary>The pulse card for someone the run asks, while it is open and they have not answered; else null.</summary>
    public async Task<AdaptiveCard?> FormAsync(string runId, string personId, bool reminder, CancellationToken cancellationToken)
    {
        var run = await store.FindRunAsync(runId, cancellationToken);
        var pulse = run is null ? null : await store.FindAsync(run.PulseId, cancellationToken);
        var person = await directory.FindByIdAsync(personId, cancellationToken);
        if (run is null || pulse is null || person is null || !run.IsOpenAt(time.GetUtcNow()) || !await AskedAsync(pulse, person, cancellationToken)
            || await ballots.HasRespondedAsync(run.Id, person.Id, cancellationToken))
        {
            return null;
        }

        return PulseCard.Build(Form(run, pulse, person) with { IsReminder = reminder });
    }

    public async Task<CardActionOutcome> AnswerAsync(CardActionTurn turn, CancellationToken cancellationToken)
    {
        var person = await directory.FindByAadObjectIdAsync(turn.Caller.AadObjectId, cancellationToken);
        var l = Languages.From(person?.Locale ?? turn.Caller.Locale);
        var run = turn.Get(PulseFields.Run) is { Length: > 0 and <= 120 } runId ? await store.FindRunAsync(runId, cancellationToken) : null;
        var pulse = run is null ? null : await store.FindAsync(run.PulseId, cancellationToken);
        if (person is null || run is null || pulse is null || !await AskedAsync(pulse, person, cancellationToken))
        {
            Log.Refused(logger);
            return new CardActionOutcome.ShowMessage(l.Pick("This pulse isn't one you were asked, so I can't record an answer.", "No se te pidió esta encuesta, así que no puedo guardar una respuesta."));
        }

        // A problem is a message, and the card stays as it is with the person's choices in it. A card built to hold
        // them would be kept, with this person's conversation, as the invoke's stored answer (for Teams' retries).
        var (ballot, problem) = Read(turn, run.Questions, options.Value.MaxCommentLength, l);
        if (problem is not null)
        {
            return new CardActionOutcome.ShowMessage(problem);
        }

        // The reply never repeats the answers: the card stays in the chat, and answers are not to be tied to anyone.
        return new CardActionOutcome.ReplaceCard(await ballots.CastAsync(run.Id, person.Id, ballot, cancellationToken) switch
        {
            BallotOutcome.Counted => PulseCard.Thanks(pulse.Title, l),
            BallotOutcome.AlreadyAnswered => PulseCard.AlreadyAnswered(pulse.Title, l),
            _ => PulseCard.Closed(pulse.Title, l),
        });
    }

    /// <summary>Reads the submitted answers. A missing or unknown value, or an over-long comment, comes back as a problem.</summary>
    internal static (PulseBallot Ballot, string? Problem) Read(CardActionTurn turn, IReadOnlyList<PulseQuestion> questions, int maxComment, Language l)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        string? problem = null;
        foreach (var question in questions)
        {
            var given = turn.Get(PulseFields.Answer(question.Id))?.Trim();
            if (question.Kind == PulseQuestionKind.Text)
            {
                if (given is { Length: > 0 } && given.Length > maxComment)
                {
                    problem ??= l.Pick($"Please keep a comment under {maxComment} characters, then send again.", $"Mantén el comentario por debajo de {maxComment} caracteres y vuelve a enviar.");
                }
                else if (given is { Length: > 0 })
                {
                    comments[question.Id] = given;
                }
            }
            else if (given is not null && question.Values.Contains(given, StringComparer.Ordinal))
            {
                values[question.Id] = given;
            }
            else
            {
                problem ??= l.Pick("Please answer every statement (comments are optional).", "Responde a todas las afirmaciones (los comentarios son opcionales).");
            }
        }

        return (new PulseBallot(values, comments), problem);
    }

    private PulseForm Form(PulseRun run, Pulse pulse, Person person)
    {
        var settings = options.Value;
        var l = Languages.From(person.Locale);
        return new PulseForm(run.Id, pulse.Title, pulse.Intro, run.Questions, TimeText.When(run.ClosesAt, person.TimeZone, l),
            settings.MinResponses, Math.Max(settings.MinResponses, settings.MinResponsesForComments), settings.MaxCommentLength, l);
    }

    /// <summary>Whether the pulse asks this person, as the map stands now (read without loading the whole map).</summary>
    private async Task<bool> AskedAsync(Pulse pulse, Person person, CancellationToken cancellationToken) =>
        PulseCalendar.Includes(pulse.Audience, person) ?? (person.AadObjectId is { } aad
            && await directory.LoadPersonMapAsync(aad, cancellationToken) is { } personMap
            && personMap.Circles.Any(c => c.Id == pulse.Audience.Id));

    private static partial class Log
    {
        [LoggerMessage(EventId = 7711, Level = LogLevel.Warning, Message = "A pulse answer from someone the pulse does not ask (or for an unknown run) was refused.")]
        public static partial void Refused(ILogger logger);
    }
}
