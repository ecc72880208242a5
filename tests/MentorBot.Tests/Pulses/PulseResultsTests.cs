using System.Globalization;
using MentorBot.Features.Pulses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Pulses;

public sealed class PulseResultsTests
{
    private static readonly PulseQuestion[] Questions =
    [
        new("safe", PulseQuestionKind.Scale, "I feel safe asking questions", []),
        new("more", PulseQuestionKind.Text, "Anything else?", []),
    ];

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(4, false, false)]
    [InlineData(5, true, false)]
    [InlineData(9, true, false)]
    [InlineData(10, true, true)]
    public void Results_need_five_answers_and_comments_ten(int responded, bool shown, bool comments)
    {
        var view = PulseResults.Compute("Pulse", Tally(2, responded, "A comment"), null, 5, 10);

        Assert.Equal((shown, comments), (view.Shown, view.CommentsShown));
        Assert.Equal(shown ? 2 : 0, view.Questions.Count);
        Assert.Equal(comments ? ["A comment"] : [], view.Questions.FirstOrDefault(q => q.Question.Kind == PulseQuestionKind.Text)?.Comments ?? []);
    }

    [Fact]
    public void Below_the_threshold_not_even_the_distribution_is_returned()
    {
        var view = PulseResults.Compute("Pulse", Tally(2, 4), null, 5, 10);

        Assert.Empty(view.Questions);
        Assert.Equal(4, view.Responded);
    }

    [Fact]
    public void The_trend_compares_averages_with_the_previous_run_only_when_that_run_was_shown()
    {
        var shownBefore = PulseResults.Compute("Pulse", Tally(2, 5, scale: [0, 0, 1, 2, 2]), Tally(1, 5, scale: [0, 2, 1, 2, 0]), 5, 10);
        var hiddenBefore = PulseResults.Compute("Pulse", Tally(2, 5, scale: [0, 0, 1, 2, 2]), Tally(1, 4, scale: [0, 2, 1, 1, 0]), 5, 10);

        var scale = shownBefore.Questions[0];
        Assert.Equal((4.2, 3.0), (Math.Round(scale.Average!.Value, 1), Math.Round(scale.PreviousAverage!.Value, 1)));
        Assert.Equal([0.0, 0.4, 0.2, 0.4, 0.0], scale.PreviousShares.Select(s => Math.Round(s!.Value, 1)));
        Assert.True(hiddenBefore.HasPrevious);
        Assert.False(hiddenBefore.PreviousShown);
        Assert.Null(hiddenBefore.Questions[0].PreviousAverage);
        Assert.Empty(hiddenBefore.Questions[0].PreviousShares);
    }

    [Fact]
    public void The_distribution_counts_each_value()
    {
        var bars = PulseResults.Compute("Pulse", Tally(1, 6, scale: [1, 0, 2, 0, 3]), null, 5, 10).Questions[0].Bars;

        Assert.Equal([("1", 1), ("2", 0), ("3", 2), ("4", 0), ("5", 3)], bars.Select(b => (b.Label, b.Count)));
        Assert.Equal(0.5, bars[4].Share);
    }

    [Theory]
    [InlineData("2", "10", "must be between 3")]
    [InlineData("6", "5", "MinResponsesForComments must be at least")]
    public void The_thresholds_can_never_be_set_below_three_or_comments_below_results(string min, string comments, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pulse:MinResponses"] = min,
            ["Pulse:MinResponsesForComments"] = comments,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddPulses().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PulseOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static RunTally Tally(int seq, int responded, params string[] comments) => Tally(seq, responded, [0, 0, responded, 0, 0], comments);

    private static RunTally Tally(int seq, int responded, int[] scale, params string[] comments) => new(
        new PulseRun($"p:{seq}", "p", seq, Questions, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(7), 20, null, null, null),
        responded,
        scale.Select((n, i) => (Key: ("safe", (i + 1).ToString(CultureInfo.InvariantCulture)), n)).ToDictionary(x => x.Key, x => x.n),
        [.. comments.Select(c => ("more", c))]);
}
