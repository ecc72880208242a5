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
        return services;
    }
}
