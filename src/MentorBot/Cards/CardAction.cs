using System.Text.Json.Serialization;

namespace MentorBot.Cards;

/// <summary>A card action. The discriminator is the Adaptive Card action <c>type</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
internal abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    public string? Tooltip { get; init; }
}

/// <summary>
/// A Universal Action. Teams sends it as an <c>adaptiveCard/action</c> invoke; older clients fall back to
/// <see cref="SubmitAction"/> carrying the same verb and data, which arrives as a message with a value.
/// </summary>
internal sealed record ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb, IReadOnlyDictionary<string, string>? data = null)
        : base(title)
    {
        Verb = verb;
        Data = CardData.WithVerb(verb, data);
        Fallback = new SubmitAction(title, Data);
    }

    public string Verb { get; }

    public IReadOnlyDictionary<string, string> Data { get; }

    public AssociatedInputs? AssociatedInputs { get; init; }

    /// <summary>Typed as the base so the serializer writes its <c>type</c>.</summary>
    public CardAction Fallback { get; }
}

internal sealed record SubmitAction(string Title, IReadOnlyDictionary<string, string> Data) : CardAction(Title)
{
    public AssociatedInputs? AssociatedInputs { get; init; }
}

internal sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

internal sealed record ShowCardAction(string Title, ShownCard Card) : CardAction(Title);

/// <summary>A card nested inside <see cref="ShowCardAction"/>; it has no version of its own.</summary>
internal sealed record ShownCard(IReadOnlyList<CardElement> Body)
{
    public string Type => "AdaptiveCard";

    public IReadOnlyList<CardAction>? Actions { get; init; }
}

/// <summary>The hidden data a card action carries. The verb always travels with it.</summary>
internal static class CardData
{
    public const string VerbKey = "verb";

    public static IReadOnlyDictionary<string, string> WithVerb(string verb, IReadOnlyDictionary<string, string>? data)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal) { [VerbKey] = verb };
        if (data is not null)
        {
            foreach (var (key, value) in data)
            {
                if (key != VerbKey)
                {
                    merged[key] = value;
                }
            }
        }

        return merged;
    }
}
