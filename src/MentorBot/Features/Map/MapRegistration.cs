using MentorBot.Features.Conversations;
using MentorBot.Graph;
using MentorBot.Outbox;
using MentorBot.Scheduling;

namespace MentorBot.Features.Map;

internal static class MapRegistration
{
    public static IServiceCollection AddMap(this IServiceCollection services)
    {
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MapStore>();
        services.AddSingleton<MapGeneration>();
        services.AddSingleton<MapDirectory>();
        services.AddSingleton<MapSnapshots>();
        services.AddSingleton<MapStatusQuery>();
        services.AddSingleton<MapImporter>();
        services.AddHostedService<Demo.DemoMapSeeder>();
        services.AddTextCommand<MyMapCommand>();
        services.AddTextCommand<MapStatusCommand>();
        services.AddGraph();
        services.AddSingleton<Sync.DirectoryReader>();
        services.AddSingleton<Sync.MapSyncService>();

        services.AddScoped<UnreachableReport>();
        services.AddScoped<IOutboxRenderer, UnreachableReportRenderer>();
        services.AddMapJob<UnreachableReport>("unreachable-report", "Unreachable people: tell admins who has cards waiting", Every.HourAt(7), (report, map, ct) => report.RunAsync(map, ct));
        return services;
    }
}
