using Microsoft.Extensions.Options;

namespace MentorBot.Graph;

internal static class GraphRegistration
{
    /// <summary>The typed Graph client, its options and credential. Nothing calls Graph unless it is configured.</summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.ClientCertificatePath) || File.Exists(o.ClientCertificatePath), "Graph:ClientCertificatePath names a file that does not exist.")
            .Validate(o => string.IsNullOrEmpty(o.ClientCertificatePassword) || !string.IsNullOrWhiteSpace(o.ClientCertificatePath), "Graph:ClientCertificatePassword is set but Graph:ClientCertificatePath is not.")
            .ValidateOnStart();
        services.AddSingleton(sp => GraphCredential.From(sp.GetRequiredService<IOptions<GraphOptions>>()));
        services.AddHttpClient(nameof(GraphClient), c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GraphClient>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GraphClient))));
        return services;
    }
}
