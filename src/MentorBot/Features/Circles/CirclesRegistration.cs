using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.Circles;

internal static class CirclesRegistration
{
    public static IServiceCollection AddCircles(this IServiceCollection services)
    {
        services.AddSingleton<CircleStore>();
        services.AddScoped<CircleDebriefScheduler>();
        services.AddScoped<CircleDebriefService>();
        services.AddScoped<IOutboxRenderer, CircleDebriefRenderer>();
        services.AddTextCommand<CircleCommand>();
        services.AddCardAction<CircleSubmitAction>();
        services.AddCardAction<CircleViewAction>();
        services.AddCardAction<CircleEditAction>();
        services.AddMapJob<CircleDebriefScheduler>("circle-debriefs", "Circle debriefs: open what is due", Every.Minute, (scheduler, map, ct) => scheduler.RunAsync(map, ct));
        return services;
    }
}
