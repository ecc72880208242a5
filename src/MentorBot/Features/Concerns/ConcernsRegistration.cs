using MentorBot.Scheduling;
using MentorBot.Features.Map;
using MentorBot.Features.Conversations;
using MentorBot.Outbox;

namespace MentorBot.Features.Concerns;

internal static class ConcernsRegistration
{
    public static IServiceCollection AddConcerns(this IServiceCollection services)
    {
        services.AddOptions<ConcernOptions>().BindConfiguration(ConcernOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConcernStore>();
        services.AddSingleton<ConcernQueries>();
        services.AddSingleton<ConcernReader>();
        services.AddScoped<ConcernService>();
        services.AddScoped<ConcernHandling>();
        services.AddScoped<ConcernScheduler>();
        services.AddTextCommand<RaiseConcernCommand>();
        services.AddTextCommand<MyConcernsCommand>();
        services.AddCardAction<ConcernComposeAction>();
        services.AddCardAction<ConcernSendAction>();
        services.AddCardAction<ConcernAcknowledgeAction>();
        services.AddCardAction<ConcernReplyAction>();
        services.AddCardAction<ConcernResolveAction>();
        services.AddCardAction<ConcernShowAction>();
        services.AddScoped<IOutboxRenderer, ConcernReceivedRenderer>();
        services.AddScoped<IOutboxRenderer, ConcernReminderRenderer>();
        services.AddScoped<IOutboxRenderer, ConcernSenderRepliedRenderer>();
        services.AddScoped<IOutboxRenderer, ConcernUpdateRenderer>();
        services.AddMapJob<ConcernScheduler>("concerns", "Concerns: remind and escalate what nobody acknowledged", Every.Minutes(5), (scheduler, map, ct) => scheduler.RunAsync(map, ct));
        return services;
    }
}
