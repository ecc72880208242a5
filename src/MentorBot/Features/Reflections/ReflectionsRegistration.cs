namespace MentorBot.Features.Reflections;

internal static class ReflectionsRegistration
{
    public static IServiceCollection AddReflections(this IServiceCollection services)
    {
        services.AddSingleton<ReflectionTemplates>();
        services.AddHostedService<ReflectionTemplatesCheck>();
        services.AddSingleton<MentorNoteStore>();
        return services;
    }
}
