using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.Growth;

internal static class GrowthRegistration
{
    public static IServiceCollection AddGrowth(this IServiceCollection services)
    {
        services.AddOptions<OnboardingOptions>().BindConfiguration(OnboardingOptions.Section).ValidateOnStart();
        services.AddSingleton<GrowthStore>();
        services.AddSingleton<PhaseWatcher>();
        services.AddSingleton<OnboardingPhases>();
        services.AddSingleton<CompetencySuggestions>();
        services.AddHostedService<DemoGrowthSeeder>();
        services.AddScoped<GrowthService>();
        services.AddScoped<IOutboxRenderer, CompetencyValidatedRenderer>();
        services.AddScoped<IOutboxRenderer, PhaseChangedRenderer>();
        services.AddTextCommand<MyGrowthCommand>();
        services.AddTextCommand<GrowthCommand>();
        services.AddCardAction<GrowthRateAction>();
        services.AddCardAction<CompetencyValidateAction>();
        services.AddCardAction<CompetencyWithdrawAction>();
        services.AddCardAction<GrowthShowAction>();
        services.AddCardAction<CompetencyHistoryAction>();
        services.AddMapJob<PhaseWatcher>("onboarding-phases", "Onboarding: tell new hires and their mentors when their phase moves", Every.Minutes(5), (w, map, ct) => w.RunAsync(map, ct));
        return services;
    }
}
