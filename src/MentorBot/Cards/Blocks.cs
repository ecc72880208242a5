namespace MentorBot.Cards;

/// <summary>The few text shapes every MentorBot card is made of, so cards look alike and read well on a phone.</summary>
internal static class Blocks
{
    public static TextBlock Heading(string text) =>
        new(text) { Size = FontSize.Medium, Weight = FontWeight.Bolder, Style = TextBlockStyle.Heading };

    public static TextBlock Paragraph(string text) => new(text);

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = FontSize.Small, Spacing = Spacing.Small };

    public static TextBlock Warning(string text) => new(text) { Color = TextColor.Warning };

    public static FactSet Facts(params (string Title, string Value)[] facts) =>
        new([.. facts.Select(f => new Fact(f.Title, f.Value))]);

    /// <summary>An optional free-text answer: multi-line, capped, labelled, with "Optional" as its placeholder.</summary>
    public static InputText OptionalAnswer(string id, string label, string? value, int maxLength, Language l) => new(id)
    {
        Label = label,
        Value = value,
        IsMultiline = true,
        MaxLength = maxLength,
        Placeholder = l.Pick("Optional", "Opcional"),
        Spacing = Spacing.Medium,
    };

    public static AdaptiveCard Card(string fallbackText, IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null) =>
        new() { Body = body, Actions = actions is { Count: > 0 } ? actions : null, FallbackText = fallbackText };
}
