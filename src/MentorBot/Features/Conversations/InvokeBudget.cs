using MentorBot.Cards;

namespace MentorBot.Features.Conversations;

/// <summary>
/// Keeps a card action inside Teams' 5-second invoke limit when its work calls a slow service (a calendar): the work
/// runs in its own scope; if it finishes within the budget its card is the answer, otherwise the person sees a
/// placeholder at once and the pressed card is updated when the work ends. The budget is wall-clock latency, like an
/// HTTP timeout, so it is measured in real time.
/// </summary>
internal sealed partial class InvokeBudget(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<InvokeBudget> logger)
{
    public async Task<CardActionOutcome> RunAsync(CardActionTurn turn, TimeSpan budget, AdaptiveCard placeholder, Func<IServiceProvider, CancellationToken, Task<AdaptiveCard>> work)
    {
        var stopping = lifetime.ApplicationStopping;
        var running = Task.Run(
            async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await work(scope.ServiceProvider, stopping);
            },
            stopping);
        if (await Task.WhenAny(running, Task.Delay(budget, stopping)) == running)
        {
            return new CardActionOutcome.ReplaceCard(await running);
        }

        Log.OverBudget(logger, turn.Verb, budget.TotalMilliseconds);
        _ = FinishAsync(running, turn.CardHandle, stopping);
        return new CardActionOutcome.ReplaceCard(placeholder);
    }

    private async Task FinishAsync(Task<AdaptiveCard> running, string? cardHandle, CancellationToken stopping)
    {
        try
        {
            var card = await running;
            if (cardHandle is null)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<ICardUpdates>().UpdateAsync(cardHandle, card, stopping))
            {
                Log.UpdateFailed(logger);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the work's own recovery (a lease) finishes it on the next start.
        }
        catch (Exception ex)
        {
            Log.BackgroundFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "{Verb} took longer than {BudgetMs} ms; answered with a placeholder and finishing in the background.")]
        public static partial void OverBudget(ILogger logger, string verb, double budgetMs);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "The finished card could not replace the placeholder; the person can press Check again.")]
        public static partial void UpdateFailed(ILogger logger);

        [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "A card action failed after answering with a placeholder.")]
        public static partial void BackgroundFailed(ILogger logger, Exception exception);
    }
}
