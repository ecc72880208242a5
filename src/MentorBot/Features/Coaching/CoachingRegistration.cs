using MentorBot.Features.Conversations;
using MentorBot.Outbox;

namespace MentorBot.Features.Coaching;

internal static class CoachingRegistration
{
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddOptions<CoachingOptions>().BindConfiguration(CoachingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => new CoachingLibrary()); // not the file-list constructor, which DI would feed an empty list
        services.AddHostedService<CoachingLibraryCheck>();
        services.AddSingleton<CoachingStore>();
        services.AddScoped<CoachingService>();
        services.AddTextCommand<CoachMeCommand>();
        services.AddTextCommand<CoachingReportCommand>();
        services.AddCardAction<CoachingUsefulAction>();
        services.AddCardAction<CoachingNotUsefulAction>();
        services.AddCardAction<CoachingTryAction>();
        services.AddCardAction<CoachingTalkAction>();
        services.AddScoped<IOutboxRenderer, CoachingPromptRenderer>();
        services.AddScoped<IOutboxRenderer, CoachingReminderRenderer>();
        services.AddScoped<IOutboxRenderer, CoachingTalkRenderer>();
        return services;
    }
}

/// <summary>Loads the prompt library at start-up, so a broken file stops the bot with every problem listed.</summary>
internal sealed class CoachingLibraryCheck(CoachingLibrary library) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => library.Prompts.Count > 0
        ? Task.CompletedTask
        : throw new InvalidOperationException("The coaching prompt library is empty.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
