using MentorBot.Scheduling;
using MentorBot.Features.Map;
using MentorBot.Features.Conversations;
using MentorBot.Outbox;

namespace MentorBot.Features.Digest;

internal static class DigestRegistration
{
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Day), "Digest:Day must be a weekday name, for example Monday.")
            .ValidateOnStart();
        services.AddSingleton<DigestQuery>();
        services.AddSingleton<DigestSettingsStore>();
        services.AddSingleton<DigestService>();
        services.AddScoped<DigestScheduler>();
        services.AddScoped<IOutboxRenderer, LeaderDigestRenderer>();
        services.AddScoped<DigestActionRunner>();
        services.AddTextCommand<DigestCommand>();
        services.AddTextCommand<DigestOrgCommand>();
        services.AddTextCommand<DigestAtCommand>();
        services.AddCardAction<DigestSummaryAction>();
        services.AddCardAction<DigestDetailsAction>();
        services.AddCardAction<DigestNudgeAction>();
        services.AddHostedService<DemoHistorySeeder>();
        services.AddMapJob<DigestScheduler>("digests", "Digests: queue each leader's weekly digest at their local time", Every.Minute, (scheduler, map, ct) => scheduler.RunAsync(map, ct));
        return services;
    }
}
