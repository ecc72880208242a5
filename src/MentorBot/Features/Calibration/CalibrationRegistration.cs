using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.Calibration;

internal static class CalibrationRegistration
{
    public static IServiceCollection AddCalibration(this IServiceCollection services)
    {
        services.AddSingleton<CalibrationStore>();
        services.AddScoped<CalibrationService>();
        services.AddScoped<IOutboxRenderer, CalibrationAskRenderer>();
        services.AddScoped<IOutboxRenderer, CalibrationFlagRenderer>();
        services.AddCardAction<CalibrationSubmitAction>();
        services.AddMapJob<CalibrationService>("calibration", "Calibration: ask new pairings how it is going", Every.Minutes(5), (calibration, map, ct) => calibration.RunAsync(map, ct));
        return services;
    }
}
