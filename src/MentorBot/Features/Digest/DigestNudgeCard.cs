using MentorBot.Cards;

namespace MentorBot.Features.Digest;

/// <summary>Who needs a nudge, pure: names and how many check-ins went unanswered, nothing anyone wrote.</summary>
internal static class DigestNudgeCard
{
    /// <summary>Who has not answered their check-ins lately: participation only, never what anyone wrote.</summary>
    public static AdaptiveCard Build(NudgeList list, Language l, int listed = 30)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Who might need a nudge", "A quién conviene recordárselo")),
            Blocks.Subtle(l.Pick(
                $"{list.Header.ScopeName}: people whose check-ins of the last two weeks are all unanswered. Only whether they answered is shown here, never what anyone wrote.",
                $"{list.Header.ScopeName}: personas con todos los seguimientos de las dos últimas semanas sin responder. Aquí solo se ve si respondieron, nunca lo que nadie escribió.")),
        };

        if (list.People.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("Everyone has answered at least one recent check-in.", "Todo el mundo ha respondido al menos un seguimiento reciente.")));
        }

        foreach (var (name, unanswered) in list.People.Take(listed))
        {
            body.Add(new TextBlock("• " + l.Pick(
                $"{name}: {unanswered} unanswered",
                $"{name}: {unanswered} sin responder")) { Spacing = Spacing.None });
        }

        if (list.People.Count > listed)
        {
            body.Add(Blocks.Subtle(l.Pick($"…and {list.People.Count - listed} more.", $"…y {list.People.Count - listed} más.")));
        }

        body.Add(Blocks.Subtle(l.Pick(
            "A friendly word works best: ask whether the check-in time suits them. They can also pause check-ins themselves.",
            "Funciona mejor una palabra amable: pregunta si la hora del seguimiento les viene bien. También pueden pausarlos.")));
        return Blocks.Card(l.Pick("Who might need a nudge", "A quién conviene recordárselo"), body,
            [new ExecuteAction(l.Pick("Summary", "Resumen"), DigestVerbs.Summary, DigestBlocks.Scope(list.Header))]);
    }
}
