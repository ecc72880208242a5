namespace MentorBot.Features.Coaching;

internal static class CoachingRegistration
{
    public static IServiceCollection AddCoaching(this IServiceCollection services) => services;
}
