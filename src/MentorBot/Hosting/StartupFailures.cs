using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace MentorBot.Hosting;

/// <summary>Turns the start-up failures people actually hit into one line that says what to do.</summary>
internal static class StartupFailures
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await Console.Error.WriteLineAsync(
                $"MentorBot could not start: {ex.Message} Stop the other process, or choose another port: " +
                "dotnet run --project src/MentorBot -- --urls http://127.0.0.1:4000");
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            return await ReportAsync([ex]);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections failed validation at start: report them all, not just the first.
            return await ReportAsync([.. ex.InnerExceptions.Cast<OptionsValidationException>()]);
        }
    }

    private static async Task<int> ReportAsync(IReadOnlyList<OptionsValidationException> failures)
    {
        await Console.Error.WriteLineAsync("MentorBot could not start because its configuration is invalid:");
        foreach (var failure in failures.SelectMany(f => f.Failures))
        {
            await Console.Error.WriteLineAsync("  - " + failure);
        }

        return 2;
    }
}
