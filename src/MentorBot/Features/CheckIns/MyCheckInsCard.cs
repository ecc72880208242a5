using System.Globalization;
using MentorBot.Cards;
using MentorBot.Features.Map;

namespace MentorBot.Features.CheckIns;

/// <summary>The person's own recent check-ins: date, scores, and the start of each answer.</summary>
internal static class MyCheckInsCard
{
    public const int Shown = 5;

    public static AdaptiveCard Build(IReadOnlyList<CheckInAnswer> answers, string readerTimeZone, Language l)
    {
        var body = new List<CardElement> { Blocks.Heading(l.Pick("Your recent check-ins", "Tus seguimientos recientes")) };
        if (answers.Count == 0)
        {
            body.Add(Blocks.Paragraph(l.Pick("No check-ins yet. Type **check in** to start one.", "Todavía no hay seguimientos. Escribe **check in** para empezar uno.")));
        }

        foreach (var answer in answers.Take(Shown))
        {
            var lines = new List<CardElement>
            {
                new TextBlock(TimeText.When(answer.SubmittedAt, readerTimeZone, l)) { Weight = FontWeight.Bolder },
                new TextBlock(l.Pick($"Confidence {answer.Confidence}/5 · load {answer.Load}/5", $"Confianza {answer.Confidence}/5 · carga {answer.Load}/5")) { Spacing = Spacing.None, IsSubtle = true },
            };
            foreach (var text in new[] { answer.Learned, answer.Need, answer.Stuck }.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                lines.Add(new TextBlock("• " + Shorten(text!)) { Spacing = Spacing.None, MaxLines = 2 });
            }

            body.Add(new Container(lines) { Spacing = Spacing.Medium, Separator = true });
        }

        return Blocks.Card(l.Pick("Your recent check-ins", "Tus seguimientos recientes"), body);
    }

    private static string Shorten(string text) => text.Length <= 140 ? text : string.Concat(text.AsSpan(0, 139), "…");
}
