using MentorBot.Cards;

namespace MentorBot.Features.Conversations;

/// <summary>The person who is talking to the bot, as Teams identified them.</summary>
internal sealed record Caller(string TenantId, string AadObjectId, string DisplayName, string? Locale, string? TimeZone);

/// <summary>A text command typed in chat, with the bot mention already removed.</summary>
/// <remarks>Commands see <see cref="Text"/> normalised (lower case, single spaces); <see cref="Typed"/> keeps it as typed, for a name given in quotes.</remarks>
internal sealed record TextTurn(Caller Caller, string Text)
{
    public string Typed { get; init; } = Text;

    /// <summary>What was typed after <paramref name="phrase"/>, in its own case; <paramref name="arguments"/> when the phrase is not found as typed.</summary>
    public string TypedAfter(string phrase, string arguments)
    {
        var at = Typed.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? Typed[(at + phrase.Length)..].Trim() : arguments.Trim();
    }
}

/// <summary>A card button pressed: the verb and the data the card carried, merged with the card's inputs.</summary>
/// <remarks><see cref="CardHandle"/> is an opaque handle on the card that was pressed, for updating it later (see <see cref="ICardUpdates"/>).</remarks>
internal sealed record CardActionTurn(Caller Caller, string Verb, IReadOnlyDictionary<string, string> Data, string? CardHandle = null)
{
    public string? Get(string key) => Data.TryGetValue(key, out var value) ? value : null;
}

/// <summary>What a card action produces; the Teams adapter maps it to the Universal Actions response.</summary>
internal abstract record CardActionOutcome
{
    private CardActionOutcome()
    {
    }

    /// <summary>The pressed card is replaced by this one.</summary>
    public sealed record ReplaceCard(AdaptiveCard Card) : CardActionOutcome;

    /// <summary>The card stays; the person sees a short message.</summary>
    public sealed record ShowMessage(string Text) : CardActionOutcome;
}
