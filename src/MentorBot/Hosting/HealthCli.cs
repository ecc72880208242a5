using System.CommandLine;

namespace MentorBot.Hosting;

/// <summary>
/// <c>health</c>: asks a running MentorBot for <c>/healthz</c> and exits 0 when it is ready. Container images have no
/// curl, so the Dockerfile's HEALTHCHECK runs this.
/// </summary>
internal static class HealthCli
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The health endpoint (default http://127.0.0.1:8080/healthz, or ASPNETCORE_HTTP_PORTS' first port)." };
        var health = new Command("health", "Exit 0 when the bot at --url reports healthy, 1 otherwise.") { url };
        health.SetAction(async (parse, cancellationToken) =>
        {
            var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([',', ';'])[0].Trim();
            if (!Uri.TryCreate(parse.GetValue(url) ?? $"http://127.0.0.1:{port}/healthz", UriKind.Absolute, out var target))
            {
                Console.Error.WriteLine("--url must be an absolute URL such as http://127.0.0.1:8080/healthz.");
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(target, cancellationToken);
                Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Console.WriteLine($"unreachable: {ex.Message}");
                return 1;
            }
        });
        return health;
    }
}
