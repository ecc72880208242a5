using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MentorBot.Features.Reflections;

/// <summary>
/// The reflection templates embedded in the assembly, parsed and validated once. A broken template throws at
/// construction with every problem listed, and <see cref="ReflectionTemplatesCheck"/> makes that stop start-up.
/// </summary>
internal sealed class ReflectionTemplates
{
    private const string Prefix = "MentorBot.Reflections.";

    public ReflectionTemplates()
    {
        var assembly = typeof(ReflectionTemplates).Assembly;
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var parsed = new List<(string Source, ReflectionTemplate Template)>();
        var problems = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            try
            {
                parsed.Add((name[Prefix.Length..], deserializer.Deserialize<ReflectionTemplate>(reader) ?? new ReflectionTemplate()));
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                problems.Add($"{name[Prefix.Length..]}: {e.Message}");
            }
        }

        problems.AddRange(ReflectionTemplateValidator.Validate(parsed));
        if (parsed.Count == 0)
        {
            problems.Add("No reflection templates are embedded.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Reflection templates are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)));
        }

        All = [.. parsed.Select(p => p.Template)];
    }

    public IReadOnlyList<ReflectionTemplate> All { get; }

    public ReflectionTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);
}

/// <summary>Resolves the templates while the host starts, so a broken template stops start-up with its message.</summary>
internal sealed class ReflectionTemplatesCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ReflectionTemplates>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
