using MentorBot.Features.Booking;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Coaching;
using MentorBot.Features.Concerns;
using MentorBot.Features.Conversations;
using MentorBot.Features.Digest;
using MentorBot.Features.Map;
using MentorBot.Features.Matching;
using MentorBot.Features.Privacy;
using MentorBot.Features.Pulses;
using MentorBot.Features.Reflections;
using MentorBot.Features.Welcome;
using MentorBot.Graph;
using MentorBot.Hosting.Telemetry;
using MentorBot.Persistence;
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

        services.AddSingleton(sp => Database.Create(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value));
        services.AddSingleton<Features.Privacy.AuditLog>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ReadinessState>();
        services.AddHostedService<MigrationHostedService>();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProcessedActivityStore>();

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
        AddMap(services);
        AddCheckIns(services);
        AddCirclesAndReviews(services);
        services.AddCoaching();
        services.AddReflections();
        services.AddBooking();
        services.AddMatching();
        services.AddPrivacy();
        services.AddConcerns();
        services.AddPulses();
        services.AddDigest();
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
        app.MapPost("/api/messages", (HttpContext context, ActivityEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapHealthChecks("/healthz");
        app.MapMentorBotTelemetry();
        app.MapBooking();
        app.MapGet("/", () => Results.Text("MentorBot is running. Teams talks to POST /api/messages; health is at /healthz.\n"));
        return app;
    }

    private static void AddCheckIns(IServiceCollection services)
    {
        AddValidatedOptions<CheckInOptions>(services, CheckInOptions.SectionName);
        AddValidatedOptions<OutboxOptions>(services, OutboxOptions.SectionName);
        services.AddSingleton<CheckInStore>();
        services.AddScoped<CheckInService>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SendRateLimiter>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<IOutboxRenderer, MenteeCheckInRenderer>();
        services.AddScoped<IOutboxRenderer, CheckInPromptRenderer>();
        services.AddScoped<IOutboxRenderer, CheckInReminderRenderer>();
        services.AddScoped<CheckInScheduler>();
        services.AddSingleton<Features.Calibration.CalibrationStore>();
        services.AddScoped<Features.Calibration.CalibrationService>();
        services.AddScoped<IOutboxRenderer, Features.Calibration.CalibrationAskRenderer>();
        services.AddScoped<IOutboxRenderer, Features.Calibration.CalibrationFlagRenderer>();
        services.AddCardAction<Features.Calibration.CalibrationSubmitAction>();
        services.AddTextCommand<CheckInCommand>();
        services.AddTextCommand<MyCheckInsCommand>();
        services.AddCardAction<CheckInSubmitAction>();
        services.AddCardAction<CheckInEditAction>();
        services.AddCardAction<CheckInSkipAction>();
        services.AddSingleton<MentorReplyStore>();
        services.AddScoped<MentorReplyService>();
        services.AddCardAction<CheckInReplyAction>();
        services.AddScoped<IOutboxRenderer, MentorReplyRenderer>();
        services.AddTextCommand<PauseCommand>();
        services.AddTextCommand<ResumeCommand>();
    }

    private static void AddCirclesAndReviews(IServiceCollection services)
    {
        services.AddSingleton<Features.Circles.CircleStore>();
        services.AddScoped<Features.Circles.CircleDebriefScheduler>();
        services.AddScoped<Features.Circles.CircleDebriefService>();
        services.AddScoped<IOutboxRenderer, Features.Circles.CircleDebriefRenderer>();
        services.AddTextCommand<Features.Circles.CircleCommand>();
        services.AddCardAction<Features.Circles.CircleSubmitAction>();
        services.AddCardAction<Features.Circles.CircleViewAction>();
        services.AddCardAction<Features.Circles.CircleEditAction>();

        services.AddSingleton<Features.Reviews.QuarterlyReviewStore>();
        services.AddScoped<Features.Reviews.QuarterlyReviewScheduler>();
        services.AddScoped<Features.Reviews.QuarterlyReviewService>();
        services.AddScoped<IOutboxRenderer, Features.Reviews.QuarterlyReviewRenderer>();
        services.AddScoped<IOutboxRenderer, Features.Reviews.SharedQuarterlyReviewRenderer>();
        services.AddCardAction<Features.Reviews.QuarterlyReviewSubmitAction>();
        services.AddSingleton<Features.Reviews.MapReviewQuery>();
        services.AddScoped<IOutboxRenderer, Features.Reviews.MapReviewRenderer>();
        services.AddTextCommand<Features.Reviews.MapReviewCommand>();

        services.AddScoped<UnreachableReport>();
        services.AddScoped<IOutboxRenderer, UnreachableReportRenderer>();
    }

    private static void AddMap(IServiceCollection services)
    {
        AddValidatedOptions<MapOptions>(services, MapOptions.SectionName);
        services.AddSingleton<MapStore>();
        services.AddSingleton<MapGeneration>();
        services.AddSingleton<MapDirectory>();
        services.AddSingleton<MapStatusQuery>();
        services.AddSingleton<MapImporter>();
        services.AddHostedService<Features.Map.Demo.DemoMapSeeder>();
        services.AddTextCommand<MyMapCommand>();
        services.AddTextCommand<MapStatusCommand>();
        services.AddGraph();
        services.AddSingleton<Features.Map.Sync.MapSyncService>();
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
