using System.Text.Json.Serialization;

namespace MentorBot.Cards;

/// <summary>An element of a card body. The discriminator is the Adaptive Card <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
internal abstract record CardElement
{
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

internal sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    public FontSize? Size { get; init; }

    public FontWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public TextBlockStyle? Style { get; init; }

    public int? MaxLines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

internal sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }

    /// <summary>The least height, in pixels (<c>"40px"</c>): bars of a chart drawn from containers.</summary>
    public string? MinHeight { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

internal sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

internal sealed record Column(IReadOnlyList<CardElement> Items)
{
    public string Type => "Column";

    /// <summary>"auto", "stretch" or a weight such as "2".</summary>
    public string? Width { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public Spacing? Spacing { get; init; }
}

internal sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

internal sealed record Fact(string Title, string Value);

internal sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
