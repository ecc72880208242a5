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

    /// <summary>
    /// A card. Its buttons stay in the card's own row when their titles fit a phone's width; otherwise each goes on a line
    /// of its own at the end of the body (<see cref="Buttons"/>), because renderers lay the row out sideways and cut each
    /// title short rather than wrap it.
    /// </summary>
    public static AdaptiveCard Card(string fallbackText, IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null)
    {
        if (actions is not { Count: > 0 })
        {
            return new() { Body = body, FallbackText = fallbackText };
        }

        return PhoneRow.Fits(actions)
            ? new() { Body = body, Actions = actions, FallbackText = fallbackText }
            : new() { Body = [.. body, .. OnePerLine(actions)], FallbackText = fallbackText };
    }

    /// <summary>Buttons in the body: one row when their titles fit a phone's width, else one button per line.</summary>
    public static IReadOnlyList<CardElement> Buttons(IReadOnlyList<CardAction> actions) =>
        PhoneRow.Fits(actions) ? [new ActionSet(actions)] : OnePerLine(actions);

    private static IReadOnlyList<CardElement> OnePerLine(IReadOnlyList<CardAction> actions) =>
        [.. actions.Select((action, i) => new ActionSet([action]) { Spacing = i == 0 ? Spacing.Medium : Spacing.Small })];
}

/// <summary>
/// Whether buttons fit side by side on a 360-pixel phone screen, estimated from their titles: about 9 pixels a character
/// in a button's bold type, 44 pixels of padding and border a button, 8 between buttons, and 330 pixels of room once the
/// card's own padding is taken. The E2E phone rendering checks the estimate: no title may be cut short.
/// </summary>
internal static class PhoneRow
{
    private const int Room = 330;
    private const int PerCharacter = 9;
    private const int PerButton = 44;
    private const int Between = 8;

    public static bool Fits(IReadOnlyList<CardAction> actions) =>
        actions.Sum(Width) + ((actions.Count - 1) * Between) <= Room;

    /// <summary>
    /// Whether one button fits a phone's width on a line of its own. A title that does not is cut short by every renderer,
    /// so a card builder keeps titles within this (a unit test checks every card sample), and says the rest in the body.
    /// </summary>
    public static bool FitsAlone(CardAction action) => Width(action) <= Room;

    private static int Width(CardAction action) => (action.Title.Length * PerCharacter) + PerButton;
}
