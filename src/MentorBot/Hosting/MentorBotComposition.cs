using MentorBot.Features.Booking;
using MentorBot.Features.Calibration;
using MentorBot.Features.Circles;
using MentorBot.Features.Reviews;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Coaching;
using MentorBot.Features.Concerns;
using MentorBot.Features.Conversations;
using MentorBot.Features.Digest;
using MentorBot.Features.Growth;
using MentorBot.Features.Outcomes;
using MentorBot.Features.Map;
using MentorBot.Web;
using MentorBot.Features.Matching;
using MentorBot.Features.Privacy;
using MentorBot.Features.Pulses;
using MentorBot.Features.Reflections;
using MentorBot.Features.TeamsApp;
using MentorBot.Features.Welcome;
using MentorBot.Graph;
using MentorBot.Hosting.Access;
using MentorBot.Hosting.Telemetry;
using MentorBot.Persistence;
using MentorBot.Outbox;
using MentorBot.Scheduling;
using MentorBot.Teams;
using MentorBot.Teams.Auth;

namespace MentorBot.Hosting;

/// <summary>The composition root: the only place configuration is read and services are wired.</summary>
internal static class MentorBotComposition
{
    public static WebApplicationBuilder AddMentorBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddValidatedOptions<DemoOptions>(services, DemoOptions.SectionName);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        // Bound here without validation so that a refused demo clock is reported by ValidateOnStart, as one clear line.
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        services.AddSingleton(_ => DemoClock.For(demo));

        AddValidatedOptions<StorageOptions>(services, StorageOptions.SectionName);
        AddValidatedOptions<BotOptions>(services, BotOptions.SectionName);
        AddValidatedOptions<ConnectorOptions>(services, ConnectorOptions.SectionName);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<BotOptions>, BotOptionsValidator>();
        // Optional for the bot, so not validated at start: without a TeamsApp:Id GUID the cards just show no tab buttons.
        services.AddOptions<TeamsAppOptions>().BindConfiguration(TeamsAppOptions.SectionName);

        services.AddSingleton(sp => Database.Create(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value));
        services.AddSingleton<Features.Privacy.AuditLog>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ReadinessState>();
        services.AddHostedService<MigrationHostedService>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProcessedActivityStore>();
        services.AddScheduledJob(new ScheduledJob("activity-memory", "Teams activity ids: forget the ones older than Storage:ActivityMemory", Every.HourAt(17), (provider, ct) =>
            provider.GetRequiredService<ProcessedActivityStore>().PruneAsync(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.ActivityMemory, ct)));

        services.AddHttpClient(nameof(BotSigningKeys), c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<Microsoft.IdentityModel.Protocols.IConfigurationManager<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>>(sp =>
            BotSigningKeys.Create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BotSigningKeys)), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotOptions>>().Value));
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton(sp => BotCredential.From(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotOptions>>()));
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddConnectorClient();
        services.AddScoped<TeamsMessenger>();
        services.AddScoped<ActivityProcessor>();
        services.AddScoped<ActivityEndpoint>();

        services.AddSingleton<CommandRouter>();
        services.AddScoped<ConversationDispatcher>();
        services.AddSingleton<CallerProfiles>();
        services.AddTextCommand<HelpCommand>();
        services.AddCardAction<ShowHelpAction>();
        services.AddMap();
        services.AddOutbox();
        services.AddCheckIns();
        services.AddCalibration();
        services.AddCircles();
        services.AddReviews();
        services.AddCoaching();
        services.AddReflections();
        services.AddGrowth();
        services.AddOutcomes();
        services.AddBooking();
        services.AddMatching();
        services.AddPrivacy();
        services.AddConcerns();
        services.AddPulses();
        services.AddDigest();
        services.AddTab();
        services.AddScoped<ICardUpdates, TeamsCardUpdates>();

        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.AddMentorBotScheduling(storage);

        builder.AddMentorBotTelemetry();
        services.AddHealthChecks().AddCheck<ReadinessHealthCheck>("ready");
        services.AddProblemDetails();
        services.AddHostedService<StartupBanner>();
        return builder;
    }

    public static WebApplication MapMentorBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        if (app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null)
        {
            app.UseSignInOutageAnswer();
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.MapPost("/api/messages", (HttpContext context, ActivityEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapHealthChecks("/healthz");
        app.MapMentorBotTelemetry();
        app.MapBooking();
        app.MapJobDashboard();
        app.MapTab();
        app.MapGet("/", () => Results.Text("MentorBot is running. Teams talks to POST /api/messages; the tab is at /tab; health is at /healthz.\n"));
        return app;
    }




    internal static void AddValidatedOptions<TOptions>(IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
