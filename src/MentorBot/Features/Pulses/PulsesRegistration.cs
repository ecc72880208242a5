using MentorBot.Scheduling;
using MentorBot.Features.Map;
using MentorBot.Features.Conversations;
using MentorBot.Outbox;

namespace MentorBot.Features.Pulses;

internal static class PulsesRegistration
{
    public static IServiceCollection AddPulses(this IServiceCollection services)
    {
        services.AddOptions<PulseOptions>().BindConfiguration(PulseOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.MinResponsesForComments >= o.MinResponses, "Pulse:MinResponsesForComments must be at least Pulse:MinResponses.")
            .Validate(o => o.ReminderAfter < o.OpenFor, "Pulse:ReminderAfter must be shorter than Pulse:OpenFor, or the reminder would come after the pulse closed.")
            .ValidateOnStart();
        services.AddSingleton(_ => new PulseLibrary()); // not the file-list constructor, which DI would feed an empty list
        services.AddSingleton<PulseStore>();
        services.AddSingleton<PulseBallotBox>();
        services.AddHostedService<PulseLibrarySync>();
        services.AddScoped<PulseScheduler>();
        services.AddScoped<PulseService>();
        services.AddScoped<PulseAdmin>();
        services.AddTextCommand<PulseCreateCommand>();
        services.AddTextCommand<PulseResultsCommand>();
        services.AddCardAction<PulseAnswerAction>();
        services.AddCardAction<PulseCreateAction>();
        services.AddCardAction<PulseResultsAction>();
        services.AddScoped<IOutboxRenderer, PulseInviteRenderer>();
        services.AddScoped<IOutboxRenderer, PulseReminderRenderer>();
        services.AddScoped<IOutboxRenderer, PulseResultsRenderer>();
        services.AddMapJob<PulseScheduler>("pulses", "Pulses: open runs and invite", Every.Minutes(5), (scheduler, map, ct) => scheduler.RunAsync(map, ct));
        return services;
    }
}
