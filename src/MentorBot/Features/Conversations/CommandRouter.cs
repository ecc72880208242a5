namespace MentorBot.Features.Conversations;

/// <summary>Finds the command a typed text names: the longest phrase that the text starts with, word by word.</summary>
internal sealed class CommandRouter
{
    private readonly CommandRegistration[] _byLongestPhrase;

    public CommandRouter(IEnumerable<CommandRegistration> commands)
    {
        _byLongestPhrase = [.. commands.OrderByDescending(c => c.Descriptor.Phrase.Length)];
        var duplicate = _byLongestPhrase.GroupBy(c => c.Descriptor.Phrase, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two commands claim the phrase '{duplicate.Key}'.");
        }
    }

    public IEnumerable<CommandDescriptor> All => _byLongestPhrase.Select(c => c.Descriptor).OrderBy(d => d.Phrase, StringComparer.Ordinal);

    public CommandMatch? Match(string normalisedText)
    {
        foreach (var command in _byLongestPhrase)
        {
            var phrase = command.Descriptor.Phrase;
            if (normalisedText == phrase)
            {
                return new CommandMatch(command, string.Empty);
            }

            if (normalisedText.StartsWith(phrase + " ", StringComparison.Ordinal))
            {
                return new CommandMatch(command, normalisedText[(phrase.Length + 1)..]);
            }
        }

        return null;
    }

    /// <summary>Up to three commands the caller may use that look like what they typed.</summary>
    public IReadOnlyList<CommandDescriptor> Suggest(string normalisedText, CallerProfile profile)
    {
        var firstWord = normalisedText.Split(' ', 2)[0];
        return [.. All
            .Where(d => profile.May(d.Audience))
            .Select(d => (Descriptor: d, Score: Score(normalisedText, firstWord, d.Phrase)))
            .Where(x => x.Score <= 3)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Descriptor.Phrase, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Descriptor)];
    }

    private static int Score(string text, string firstWord, string phrase)
    {
        if (phrase.Split(' ').Contains(firstWord, StringComparer.Ordinal))
        {
            return 0;
        }

        var prefix = text.Length > phrase.Length ? text[..phrase.Length] : text;
        return CommandText.Distance(prefix, phrase);
    }
}

internal sealed record CommandMatch(CommandRegistration Command, string Arguments);
