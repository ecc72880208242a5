using Microsoft.Extensions.Options;

namespace MentorBot.Graph;

internal static class GraphRegistration
{
    /// <summary>The typed Graph client, its options and credential. Nothing calls Graph unless it is configured.</summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => GraphCredential.From(sp.GetRequiredService<IOptions<GraphOptions>>()));
        services.AddHttpClient(nameof(GraphClient), c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GraphClient>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GraphClient))));
        return services;
    }
}
