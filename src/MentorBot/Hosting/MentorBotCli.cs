using System.CommandLine;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using MentorBot.Graph;
using MentorBot.Persistence;

namespace MentorBot.Hosting;

/// <summary>
/// The command-line verbs of the same executable (<c>dotnet run --project src/MentorBot -- map validate FILE</c>).
/// They use the bot's configuration, so they act on the same database.
/// </summary>
internal static class MentorBotCli
{
    private static readonly string[] Verbs = ["map", "manifest", "health", "dispatch", "match", "privacy"];

    public static bool Handles(string[] args) => SplitHostArguments(args).Verb.Length > 0 && Verbs.Contains(SplitHostArguments(args).Verb[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var (verb, hostArgs) = SplitHostArguments(args);
        var root = new RootCommand("MentorBot command-line tools. Run the bot itself with no arguments.");
        root.Subcommands.Add(MapCli.Create(cancellationToken => BuildServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(HealthCli.Create());
        root.Subcommands.Add(Features.CheckIns.DispatchCli.Create(cancellationToken => BuildBotServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(Features.Matching.MatchCli.Create(cancellationToken => BuildBotServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(Features.Privacy.PrivacyCli.Create(cancellationToken => BuildServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(Features.TeamsApp.ManifestCli.Create(() => Host.CreateApplicationBuilder(hostArgs).Configuration, Path.GetFullPath("manifest")));
        return await root.Parse(verb).InvokeAsync();
    }

    /// <summary>Host switches (--contentRoot, --environment, Section:Key=value settings) may stand before or after the verb.</summary>
    internal static (string[] Verb, string[] Host) SplitHostArguments(string[] args)
    {
        var verb = new List<string>();
        var host = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--contentRoot" or "--environment" or "--urls" && i + 1 < args.Length)
            {
                host.Add(args[i]);
                host.Add(args[++i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                host.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    host.Add(args[++i]);
                }
            }
            else
            {
                verb.Add(args[i]);
            }
        }

        return ([.. verb], [.. host]);
    }

    /// <summary>The bot's own services (sending, scheduling), without starting the web host or Quartz.</summary>
    private static async Task<IServiceProvider> BuildBotServicesAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.Logging.ClearProviders();
        builder.AddMentorBot();
        var app = builder.Build();
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        return app.Services;
    }

    private static async Task<ServiceProvider> BuildServicesAsync(string[] hostArgs, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(hostArgs);
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<Database>();
        services.AddSingleton<Features.Privacy.AuditLog>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<MapStore>();
        services.AddSingleton<MapImporter>();
        services.AddSingleton<MapGeneration>();
        services.AddSingleton<MapDirectory>();
        services.AddGraph();
        services.AddSingleton<Features.Map.Sync.MapSyncService>();
        services.AddPrivacy();
        services.AddSingleton(builder.Configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        return provider;
    }
}
