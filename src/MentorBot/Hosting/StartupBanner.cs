using MentorBot.Persistence;
using MentorBot.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MentorBot.Hosting;

/// <summary>Tells whoever started the bot where it listens and how to talk to it locally.</summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IHostEnvironment environment,
    IOptions<BotOptions> bot,
    IOptions<StorageOptions> storage,
    IOptions<Scheduling.SchedulingOptions> scheduling,
    IOptions<Web.TabOptions> tab,
    TimeProvider time,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (bot.Value.AllowedTenants.Length == 0)
        {
            Log.AllTenantsAllowed(logger);
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:3978";
            Log.Listening(logger, address, environment.EnvironmentName, InboundAuth(bot.Value), storage.Value.Provider.ToString());
            if (time is DemoClock demo)
            {
                Log.DemoClock(logger, time.GetUtcNow(), demo.Offset);
            }

            if (!bot.Value.HasAppId)
            {
                Log.Playground(logger, $"{address.TrimEnd('/')}/api/messages");
            }

            Log.Tab(logger, $"{address.TrimEnd('/')}/tab", tab.Value.DevelopmentSignIn
                ? "development sign-in: pick a person from the map, or add ?as=<person id>"
                : "in Teams, with single sign-on");

            if (scheduling.Value.DashboardFor(environment) is var access and not Scheduling.JobDashboardAccess.Off)
            {
                Log.JobDashboard(logger, $"{address.TrimEnd('/')}{Scheduling.JobDashboard.Path}", access == Scheduling.JobDashboardAccess.Local ? "from this machine" : "for programme admins, signed in with Entra ID");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>In a few words, whether inbound activities must carry a valid Bot Connector token.</summary>
    internal static string InboundAuth(BotOptions options) => options.HasAppId
        ? $"inbound tokens checked for app {options.AppId}"
        : "inbound tokens NOT checked (development auth, no Bot:AppId)";

    private static partial class Log
    {
        [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "The tab (map, growth, mentees, dashboard, programme) is at {Url} ({SignIn}).")]
        public static partial void Tab(ILogger logger, string url, string signIn);

        [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "Scheduled jobs: the Hangfire dashboard is at {Url} ({Who}).")]
        public static partial void JobDashboard(ILogger logger, string url, string who);

        [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Bot:AllowedTenants is empty: activities from any tenant are accepted.")]
        public static partial void AllTenantsAllowed(ILogger logger);

        [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "MentorBot is listening on {Address}: {Environment} environment, {InboundAuth}, {Provider} store.")]
        public static partial void Listening(ILogger logger, string address, string environment, string inboundAuth, string provider);

        [LoggerMessage(EventId = 9004, Level = LogLevel.Warning, Message = "Demo clock: it is now {Now:u} for MentorBot ({Offset} from the real clock). Remove Demo:ClockStartsAt to use real time.")]
        public static partial void DemoClock(ILogger logger, DateTimeOffset now, TimeSpan offset);

        [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message =
            "Development auth is on (no Bot:AppId). To chat with the bot, start the Microsoft 365 Agents Playground in another terminal:\n" +
            "    scripts/playground.sh            (then open http://127.0.0.1:56150; add --as megan|adele|isaiah|patti|lynne to try other roles)\n" +
            "  or, outside this repository: npx --yes @microsoft/m365agentsplayground -e {Endpoint} -c msteams")]
        public static partial void Playground(ILogger logger, string endpoint);
    }
}
