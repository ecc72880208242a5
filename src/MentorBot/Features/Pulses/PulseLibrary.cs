using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MentorBot.Features.Pulses;

/// <summary>
/// The programme's pulses as content: YAML files in Features/Pulses/Library, embedded in the assembly, parsed and
/// validated once. A broken file throws at construction with every problem listed, which stops start-up.
/// </summary>
internal sealed class PulseLibrary
{
    public const string ResourcePrefix = "MentorBot.Pulses.";

    public PulseLibrary()
        : this(ReadEmbedded())
    {
    }

    public PulseLibrary(IEnumerable<(string Name, string Yaml)> files)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var specs = new List<PulseSpec>();
        var problems = new List<string>();
        foreach (var (name, yaml) in files)
        {
            try
            {
                var spec = deserializer.Deserialize<PulseSpec>(yaml) ?? new PulseSpec();
                var found = PulseValidator.Validate(name, spec);
                problems.AddRange(found);
                if (found.Count == 0)
                {
                    specs.Add(spec);
                }
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                problems.Add($"{name}: not valid YAML ({ex.Start.Line}:{ex.Start.Column}): {ex.Message}");
            }
        }

        problems.AddRange(specs.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key}: the id is used {g.Count()} times."));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The pulse library is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
        }

        Specs = specs;
    }

    public IReadOnlyList<PulseSpec> Specs { get; }

    public static IEnumerable<(string Name, string Yaml)> ReadEmbedded()
    {
        var assembly = typeof(PulseLibrary).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }
}

/// <summary>
/// At start-up: loads the library (a broken file stops the bot with its message) and brings the pulses table up to date
/// with it (it is registered after the migrations, which run first). With <see cref="PulseOptions.LibraryEnabled"/> off, content
/// pulses stop running. A content pulse keeps the start it was first given, so a restart never opens a new run.
/// </summary>
internal sealed class PulseLibrarySync(PulseLibrary library, PulseStore store, IOptions<PulseOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LibraryEnabled)
        {
            await store.DeactivateLibraryAsync(cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        foreach (var spec in library.Specs)
        {
            await store.UpsertLibraryAsync(PulseValidator.ToPulse(spec, now, "library", null), PulseValidator.StartsAt(spec) is not null, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
