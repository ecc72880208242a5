using MentorBot.Scheduling;
namespace MentorBot.Features.Privacy;

internal static class PrivacyRegistration
{
    /// <summary>Retention, export and erasure. The audit log itself is registered with the database.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AnswerRetention>();
        services.AddSingleton<PersonResolver>();
        services.AddSingleton<PersonalDataExporter>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddScheduledJob<AnswerRetention>("answer-retention", "Privacy: clear answers older than the retention period", Every.DayAt(3, 41), (retention, ct) => retention.SweepAsync(ct));
        return services;
    }
}
