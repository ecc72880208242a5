using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.Outcomes;

internal static class OutcomesRegistration
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddSingleton<OutcomeQuery>();
        services.AddScoped<OutcomeService>();
        services.AddSingleton<PilotStore>();
        services.AddScoped<PilotService>();
        services.AddScoped<IOutboxRenderer, PilotReportRenderer>();
        services.AddTextCommand<OutcomesCommand>();
        services.AddTextCommand<PilotStartCommand>();
        services.AddTextCommand<PilotReportCommand>();
        services.AddMapJob<PilotService>("pilot-reports", "Pilots: send the report of a pilot that ended", Every.HourAt(23), (p, map, ct) => p.ReportEndedAsync(map, ct));
        return services;
    }
}
