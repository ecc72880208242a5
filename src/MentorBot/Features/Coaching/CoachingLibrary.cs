using System.Reflection;
using MentorBot.Features.Map;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MentorBot.Features.Coaching;

/// <summary>
/// The prompt library: YAML files in Features/Coaching/Library, embedded in the assembly. Content, not code: it is
/// read and validated once at start-up, and a broken file stops the bot with every problem listed.
/// </summary>
internal sealed class CoachingLibrary
{
    public const string ResourcePrefix = "MentorBot.Coaching.";

    public CoachingLibrary()
        : this(ReadEmbedded())
    {
    }

    public CoachingLibrary(IEnumerable<(string Name, string Yaml)> files)
    {
        var (prompts, problems) = Parse(files);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The coaching prompt library is invalid:\n  " + string.Join("\n  ", problems));
        }

        Prompts = prompts;
    }

    public IReadOnlyList<CoachingPrompt> Prompts { get; }

    public CoachingPrompt? Find(string id) => Prompts.FirstOrDefault(p => p.Id == id);

    public static IEnumerable<(string Name, string Yaml)> ReadEmbedded()
    {
        var assembly = typeof(CoachingLibrary).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>Reads and checks every file; returns the prompts and every problem found (file and prompt named).</summary>
    public static (IReadOnlyList<CoachingPrompt> Prompts, IReadOnlyList<string> Problems) Parse(IEnumerable<(string Name, string Yaml)> files)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var prompts = new List<CoachingPrompt>();
        var problems = new List<string>();
        foreach (var (name, yaml) in files)
        {
            LibraryFile? file;
            try
            {
                file = deserializer.Deserialize<LibraryFile>(yaml);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                problems.Add($"{name}: not valid YAML ({ex.Start.Line}:{ex.Start.Column}): {ex.Message}");
                continue;
            }

            if (file?.Lane is not { Length: > 0 } lane || file.Prompts is not { Count: > 0 })
            {
                problems.Add($"{name}: needs a lane and at least one prompt.");
                continue;
            }

            foreach (var entry in file.Prompts)
            {
                var where = $"{name}: {entry.Id ?? "(no id)"}";
                if (Convert(lane, entry, where, problems) is { } prompt)
                {
                    prompts.Add(prompt);
                }
            }
        }

        problems.AddRange(prompts.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key}: the id is used {g.Count()} times."));
        return (prompts, problems);
    }

    private static CoachingPrompt? Convert(string lane, LibraryEntry entry, string where, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            problems.Add($"{where}: needs an id.");
        }

        if (entry.Text is not { Length: >= 20 and <= 300 })
        {
            problems.Add($"{where}: text must be 20 to 300 characters (it is {entry.Text?.Length ?? 0}).");
        }

        if (entry.Question is not { Length: > 0 and <= 160 } question || !question.TrimEnd().EndsWith('?'))
        {
            problems.Add($"{where}: needs one question of at most 160 characters, ending with '?'.");
        }

        if (entry.Practice is { Length: > 160 })
        {
            problems.Add($"{where}: the practice is longer than 160 characters.");
        }

        OnboardingPhase? phase = entry.Phase switch
        {
            "observe" => OnboardingPhase.Observe,
            "practise-with-support" => OnboardingPhase.PractiseWithSupport,
            "practise-independently" => OnboardingPhase.PractiseIndependently,
            "none" or null => OnboardingPhase.None,
            _ => null,
        };
        CoachingAudience? audience = entry.Audience switch
        {
            "staff" or null => CoachingAudience.Staff,
            "mentor" => CoachingAudience.Mentor,
            "leader" => CoachingAudience.Leader,
            _ => null,
        };
        var level = Enum.TryParse<Level>(entry.Level ?? "staff", ignoreCase: true, out var l) ? l : (Level?)null;
        if (phase is null || audience is null || level is null || entry.Tone is not (null or "standard" or "gentle"))
        {
            problems.Add($"{where}: phase, audience, level or tone has a value the library does not know.");
        }

        return problems.Count > before
            ? null
            : new CoachingPrompt(entry.Id!, lane, phase!.Value, audience!.Value, level!.Value, entry.Tone == "gentle", entry.Text!.Trim(), entry.Question!.Trim(), entry.Practice?.Trim());
    }

    private sealed class LibraryFile
    {
        public string? Lane { get; set; }

        public List<LibraryEntry>? Prompts { get; set; }
    }

    private sealed class LibraryEntry
    {
        public string? Id { get; set; }

        public string? Phase { get; set; }

        public string? Audience { get; set; }

        public string? Level { get; set; }

        public string? Tone { get; set; }

        public string? Text { get; set; }

        public string? Question { get; set; }

        public string? Practice { get; set; }
    }
}
