using MentorBot.Features.Conversations;
using MentorBot.Features.Map;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.Reviews;

internal static class ReviewsRegistration
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<QuarterlyReviewStore>();
        services.AddScoped<QuarterlyReviewScheduler>();
        services.AddScoped<QuarterlyReviewService>();
        services.AddScoped<IOutboxRenderer, QuarterlyReviewRenderer>();
        services.AddScoped<IOutboxRenderer, SharedQuarterlyReviewRenderer>();
        services.AddCardAction<QuarterlyReviewSubmitAction>();
        services.AddSingleton<MapReviewQuery>();
        services.AddScoped<IOutboxRenderer, MapReviewRenderer>();
        services.AddTextCommand<MapReviewCommand>();
        services.AddMapJob<QuarterlyReviewScheduler>("quarterly-reviews", "Quarterly reviews: open what is due", Every.Minutes(5), (scheduler, map, ct) => scheduler.RunAsync(map, ct));
        return services;
    }
}
