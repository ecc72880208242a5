using MentorBot.Cards;

namespace MentorBot.Tests.Cards;

public sealed class PhoneRowTests
{
    private static readonly TextBlock[] Body = [Blocks.Heading("Title")];

    [Fact]
    public void Short_titles_stay_in_the_cards_own_row()
    {
        var card = Blocks.Card("Title", Body, [new ExecuteAction("Useful", "v.a"), new ExecuteAction("Not useful", "v.b")]);

        Assert.Equal(["Useful", "Not useful"], card.Actions!.Select(a => a.Title));
        Assert.Single(card.Body);
    }

    [Fact]
    public void Titles_too_long_for_one_phone_row_go_one_per_line_in_order_at_the_end_of_the_body()
    {
        var card = Blocks.Card("Title", Body, [new ExecuteAction("Acknowledge", "v.a"), new ExecuteAction("Send reply", "v.b"), new ExecuteAction("Mark resolved", "v.c")]);

        Assert.Null(card.Actions);
        Assert.Same(Body[0], card.Body[0]);
        var lines = card.Body.Skip(1).Cast<ActionSet>().ToList();
        Assert.Equal(["Acknowledge", "Send reply", "Mark resolved"], lines.Select(set => Assert.Single(set.Actions).Title));
        Assert.Equal(Spacing.Medium, lines[0].Spacing);
        Assert.All(lines.Skip(1), set => Assert.Equal(Spacing.Small, set.Spacing));
    }

    [Fact]
    public void Buttons_in_the_body_follow_the_same_rule()
    {
        Assert.Single(Blocks.Buttons([new ExecuteAction("Edit", "v.a"), new ExecuteAction("Open", "v.b")]));
        Assert.Equal(3, Blocks.Buttons([.. new[] { "Tue, Nov 24, 10:00–10:30 AM", "Wed, Nov 25, 9:00–9:30 AM", "Thu, Nov 26, 10:00–10:30 AM" }.Select(t => new ExecuteAction(t, "v.pick"))]).Count);
    }

    public static TheoryData<string> Samples => [.. CardSamples.All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// A title too long for a phone is cut short even on a line of its own: whatever the fonts, every button of every card
    /// sample fits the estimate alone (the E2E phone check measures the real width in the renderer).
    /// </summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_button_title_fits_a_phone_on_a_line_of_its_own(string sample)
    {
        var card = CardSamples.All[sample];
        var actions = (card.Actions ?? []).Concat(Actions(card.Body)).ToList();

        Assert.All(actions, action => Assert.True(PhoneRow.FitsAlone(action), $"\"{action.Title}\" ({action.Title.Length} characters) is too long for a phone"));
    }

    private static IEnumerable<CardAction> Actions(IEnumerable<CardElement> elements) => elements.SelectMany(element => element switch
    {
        ActionSet set => set.Actions,
        Container container => Actions(container.Items),
        ColumnSet columns => columns.Columns.SelectMany(c => Actions(c.Items)),
        _ => [],
    });

    [Fact]
    public void A_card_without_buttons_has_no_actions()
    {
        Assert.Null(Blocks.Card("Title", Body).Actions);
        Assert.Null(Blocks.Card("Title", Body, []).Actions);
    }
}
