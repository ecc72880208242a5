using System.CommandLine;
using MentorBot.Features.Map;
using MentorBot.Features.Privacy;
using MentorBot.Graph;
using MentorBot.Persistence;
using MentorBot.Teams;

namespace MentorBot.Hosting;

/// <summary>
/// The command-line verbs of the same executable (<c>dotnet run --project src/MentorBot -- map validate FILE</c>).
/// They use the bot's configuration, so they act on the same database.
/// </summary>
internal static class MentorBotCli
{
    private static readonly string[] Verbs = ["map", "manifest", "health", "dispatch", "match", "privacy", "outcomes", "pilot"];

    /// <summary>Asking for help prints it and exits: it never starts the bot.</summary>
    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "help"];

    public static bool Handles(string[] args) => SplitHostArguments(args).Verb is [var first, ..] && (Verbs.Contains(first) || HelpSwitches.Contains(first));

    public static async Task<int> RunAsync(string[] args)
    {
        var (verb, hostArgs) = SplitHostArguments(args);
        if (verb is [var first, ..] && HelpSwitches.Contains(first))
        {
            // "help" alone is the same as --help; "help map" is "map --help".
            verb = [.. verb.Skip(1), "--help"];
        }

        var root = new RootCommand(
            """
            MentorBot: the bot, and its command-line tools.

            With no verb it starts the bot (http://127.0.0.1:3978 by default). Options for the bot and every verb:
              --urls <url>               where the bot listens, for example --urls http://127.0.0.1:4000
              --environment <name>       Development (the default with dotnet run) or Production
              --Section:Key=value        any setting, for example --Storage:ConnectionString="Data Source=my.db"
            Settings also come from appsettings.json and environment variables (Section__Key); see docs/DEPLOY.md.
            """);
        root.Subcommands.Add(MapCli.Create(cancellationToken => BuildServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(HealthCli.Create());
        root.Subcommands.Add(Features.CheckIns.DispatchCli.Create(cancellationToken => BuildBotServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(Features.Matching.MatchCli.Create(cancellationToken => BuildBotServicesAsync(hostArgs, cancellationToken)));
        root.Subcommands.Add(Features.Privacy.PrivacyCli.Create(cancellationToken => BuildServicesAsync(hostArgs, cancellationToken)));
        foreach (var command in Features.Outcomes.OutcomesCli.Create(cancellationToken => BuildBotServicesAsync(hostArgs, cancellationToken)))
        {
            root.Subcommands.Add(command);
        }

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
        services.AddSingleton(sp => Database.Create(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value));
        services.AddSingleton<Features.Privacy.AuditLog>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<MapStore>();
        services.AddSingleton<MapImporter>();
        services.AddSingleton<MapGeneration>();
        services.AddSingleton<MapDirectory>();
        services.AddGraph();
        services.AddSingleton<Features.Map.Sync.DirectoryReader>();
        services.AddSingleton<Features.Map.Sync.MapSyncService>();
        services.AddPrivacy();
        services.AddSingleton(builder.Configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
        return provider;
    }
}
