using System.Globalization;
using MentorBot.Cards;

namespace MentorBot.Features.Pulses;

/// <summary>A pulse in the list behind a bare <c>pulse results</c>.</summary>
internal sealed record PulseListItem(string Id, string Title, string Line);

/// <summary>
/// A run's results: how many answered, and (only at or above the threshold) the distribution per question, the change
/// since the previous run and, from the higher threshold, the comments. Below the threshold it says only how many
/// answered and why nothing else is shown.
/// </summary>
internal static class PulseResultsCard
{
    public static AdaptiveCard Build(PulseResultsView view, string when, Language l)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(view.Title),
            Blocks.Subtle(l.Pick($"Run {view.Seq} · {when}", $"Edición {view.Seq} · {when}")),
            Blocks.Facts((l.Pick("Answered", "Respuestas"), l.Pick($"{view.Responded} of {view.Invited} asked", $"{view.Responded} de {view.Invited} personas"))),
        };
        if (!view.Shown)
        {
            body.Add(new Container([Blocks.Paragraph(l.Pick(
                $"Results are hidden until at least {view.MinResponses} people have answered ({view.Responded} so far), so no one's answers can be picked out.",
                $"Los resultados se ocultan hasta que respondan al menos {view.MinResponses} personas (van {view.Responded}), para que nadie pueda ser identificado."))])
            { Style = ContainerStyle.Emphasis });
        }

        foreach (var question in view.Questions)
        {
            body.Add(new TextBlock(question.Question.Text) { Weight = FontWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            if (question.Question.Kind == PulseQuestionKind.Text)
            {
                AddComments(body, view, question, l);
                continue;
            }

            body.Add(Blocks.Facts([.. question.Bars.Select((b, i) => (Label(question.Question, i, b, l), Bar(b, question.PreviousShares.ElementAtOrDefault(i), l)))]));
            if (Trend(view, question, l) is { } trend)
            {
                body.Add(Blocks.Subtle(trend));
            }
        }

        body.Add(Blocks.Subtle(l.Pick(
            "Answers are stored without names. MentorBot keeps only, separately, who has answered, so it never asks twice.",
            "Las respuestas se guardan sin nombres. MentorBot solo guarda aparte quién ha respondido, para no preguntar dos veces.")));
        return Blocks.Card(l.Pick($"Pulse results: {view.Title}", $"Resultados del pulso: {view.Title}"), body);
    }

    /// <summary>The pulses an admin can read results for, each with a button.</summary>
    public static AdaptiveCard List(IReadOnlyList<PulseListItem> pulses, Language l)
    {
        var body = new List<CardElement> { Blocks.Heading(l.Pick("Pulse surveys", "Encuestas de pulso")) };
        if (pulses.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("No pulses yet. Type pulse create to ask a few anonymous questions.", "Aún no hay pulsos. Escribe pulse create para hacer unas preguntas anónimas.")));
        }

        foreach (var pulse in pulses)
        {
            body.Add(new Container(
            [
                new TextBlock(pulse.Title) { Weight = FontWeight.Bolder },
                Blocks.Subtle($"{pulse.Id} · {pulse.Line}"),
                new ActionSet([new ExecuteAction(l.Pick("Results", "Resultados"), PulseVerbs.Results, new Dictionary<string, string> { [PulseFields.Pulse] = pulse.Id })]),
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }

        return Blocks.Card(l.Pick("Pulse surveys", "Encuestas de pulso"), body);
    }

    private static void AddComments(List<CardElement> body, PulseResultsView view, QuestionResult question, Language l)
    {
        if (!view.CommentsShown)
        {
            body.Add(Blocks.Subtle(l.Pick($"Comments are shown once at least {view.MinResponsesForComments} people have answered.", $"Los comentarios se muestran cuando respondan al menos {view.MinResponsesForComments} personas.")));
            return;
        }

        body.Add(question.Comments.Count == 0
            ? Blocks.Subtle(l.Pick("No comments.", "Sin comentarios."))
            : new Container([.. question.Comments.Select(c => new TextBlock("“" + c + "”") { Wrap = true, Spacing = Spacing.Small })]) { Style = ContainerStyle.Emphasis });
    }

    private static string Label(PulseQuestion question, int index, ResultBar bar, Language l) =>
        question.Kind == PulseQuestionKind.Scale ? $"{bar.Label} · {PulseWords.Scale(index + 1, l)}" : bar.Label;

    private static string Bar(ResultBar bar, double? previous, Language l)
    {
        var filled = (int)Math.Round(bar.Share * 10, MidpointRounding.AwayFromZero);
        var text = string.Create(CultureInfo.InvariantCulture, $"{new string('█', filled)}{new string('░', 10 - filled)} {bar.Count} ({bar.Share * 100:0}%)");
        return previous is { } before ? text + string.Create(CultureInfo.InvariantCulture, $" · {l.Pick("last run", "antes")} {before * 100:0}%") : text;
    }

    private static string? Trend(PulseResultsView view, QuestionResult question, Language l)
    {
        if (question.Average is not { } average)
        {
            return view.HasPrevious && !view.PreviousShown && question.Question.Kind == PulseQuestionKind.Choice
                ? l.Pick("The previous run had too few answers to compare.", "La edición anterior tuvo muy pocas respuestas para comparar.")
                : null;
        }

        var now = string.Create(CultureInfo.InvariantCulture, $"{average:0.0}");
        if (question.PreviousAverage is not { } before)
        {
            return !view.HasPrevious
                ? l.Pick($"Average {now}. The first run: nothing to compare yet.", $"Media {now}. Primera edición: aún no hay con qué comparar.")
                : l.Pick($"Average {now}. The previous run had too few answers to compare.", $"Media {now}. La edición anterior tuvo muy pocas respuestas para comparar.");
        }

        var change = Math.Round(average - before, 1);
        var arrow = change > 0 ? "▲" : change < 0 ? "▼" : "=";
        return string.Create(CultureInfo.InvariantCulture, $"{l.Pick("Average", "Media")} {now} · {arrow} {Math.Abs(change):0.0} {l.Pick("since the previous run", "desde la edición anterior")} ({before:0.0})");
    }
}
