namespace MentorBot.Features.Pulses;

/// <summary>What a run collected: how many answered, the counters, the comments. Never who said what.</summary>
internal sealed record RunTally(PulseRun Run, int Responded, IReadOnlyDictionary<(string QuestionId, string Value), int> Counts, IReadOnlyList<(string QuestionId, string Body)> Comments);

/// <summary>One value of a question: its label, how many chose it, and its share of the answers.</summary>
internal sealed record ResultBar(string Label, int Count, double Share);

/// <summary>A question's results: the distribution, the average on a scale, the change since the previous run, and comments.</summary>
internal sealed record QuestionResult(PulseQuestion Question, IReadOnlyList<ResultBar> Bars, double? Average, double? PreviousAverage, IReadOnlyList<double?> PreviousShares, IReadOnlyList<string> Comments);

/// <summary>What results may be shown for a run, after the suppression rules.</summary>
internal sealed record PulseResultsView(
    string PulseId,
    string Title,
    int Seq,
    int Responded,
    int Invited,
    bool Shown,
    bool CommentsShown,
    bool HasPrevious,
    bool PreviousShown,
    int MinResponses,
    int MinResponsesForComments,
    IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// Pure results rules: nothing about a run is shown until at least <see cref="PulseOptions.MinResponses"/> people
/// answered, comments only from <see cref="PulseOptions.MinResponsesForComments"/>, and a trend only against a previous
/// run that itself met the threshold (a suppressed run is never revealed by difference).
/// </summary>
internal static class PulseResults
{
    public static PulseResultsView Compute(string title, RunTally current, RunTally? previous, int minResponses, int minForComments)
    {
        var shown = current.Responded >= minResponses;
        var commentsShown = shown && current.Responded >= Math.Max(minForComments, minResponses);
        var previousShown = previous is not null && previous.Responded >= minResponses;
        var questions = !shown ? [] : current.Run.Questions.Select(q => Question(q, current, previousShown ? previous : null, commentsShown)).ToList();
        return new PulseResultsView(current.Run.PulseId, title, current.Run.Seq, current.Responded, current.Run.Invited, shown, commentsShown,
            previous is not null, previousShown, minResponses, minForComments, questions);
    }

    private static QuestionResult Question(PulseQuestion question, RunTally current, RunTally? previous, bool commentsShown)
    {
        if (question.Kind == PulseQuestionKind.Text)
        {
            return new QuestionResult(question, [], null, null, [],
                commentsShown ? [.. current.Comments.Where(c => c.QuestionId == question.Id).Select(c => c.Body)] : []);
        }

        var bars = Bars(question, current);
        var before = previous?.Run.Questions.FirstOrDefault(q => q.Id == question.Id && q.Kind == question.Kind && q.Values.Count == question.Values.Count);
        var previousBars = before is null ? null : Bars(before, previous!);
        return new QuestionResult(
            question,
            bars,
            question.Kind == PulseQuestionKind.Scale ? Average(bars) : null,
            question.Kind == PulseQuestionKind.Scale && previousBars is not null ? Average(previousBars) : null,
            previousBars is null ? [] : [.. previousBars.Select(b => (double?)b.Share)],
            []);
    }

    private static List<ResultBar> Bars(PulseQuestion question, RunTally tally)
    {
        var counts = question.Values.Select(v => tally.Counts.TryGetValue((question.Id, v), out var n) ? n : 0).ToList();
        var total = counts.Sum();
        return [.. question.Values.Select((v, i) => new ResultBar(
            question.Kind == PulseQuestionKind.Choice ? question.Options[i] : v, counts[i], total == 0 ? 0 : (double)counts[i] / total))];
    }

    private static double? Average(IReadOnlyList<ResultBar> bars)
    {
        var total = bars.Sum(b => b.Count);
        return total == 0 ? null : bars.Select((b, i) => (i + 1) * b.Count).Sum() / (double)total;
    }
}
