namespace MentorBot.Cards;

/// <summary>Common shape of the inputs: an id the submitted data is keyed by, and an accessible label.</summary>
internal abstract record CardInput : CardElement
{
    protected CardInput(string id) => Id = id;

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

internal sealed record InputText : CardInput
{
    public InputText(string id)
        : base(id)
    {
    }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }
}

internal sealed record InputChoiceSet : CardInput
{
    public InputChoiceSet(string id, IReadOnlyList<Choice> choices)
        : base(id) => Choices = choices;

    public IReadOnlyList<Choice> Choices { get; }

    public string? Value { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Placeholder { get; init; }
}

internal sealed record Choice(string Title, string Value);

internal sealed record InputToggle : CardInput
{
    public InputToggle(string id, string title)
        : base(id) => Title = title;

    public string Title { get; }

    public string? Value { get; init; }

    public string ValueOn { get; init; } = "true";

    public string ValueOff { get; init; } = "false";
}

/// <summary>A date picker; <see cref="Value"/>, <see cref="Min"/> and <see cref="Max"/> are yyyy-MM-dd.</summary>
internal sealed record InputDate : CardInput
{
    public InputDate(string id)
        : base(id)
    {
    }

    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}
