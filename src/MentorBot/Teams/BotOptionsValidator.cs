using Microsoft.Extensions.Options;

namespace MentorBot.Teams;

/// <summary>
/// Refuses to start without bot credentials anywhere but Development, where the Agents Playground talks to the bot
/// without a token.
/// </summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (!options.HasAppId)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add(
                    $"Bot:AppId is not set, and the environment is '{environment.EnvironmentName}'. Set Bot__AppId (and Bot__TenantId with " +
                    "Bot__ClientSecret or Bot__ManagedIdentityClientId) to the bot's Entra app registration; see docs/DEPLOY.md. " +
                    "Only the Development environment may run without credentials.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.ClientSecret) && string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
            {
                failures.Add("Bot:AppId is set but neither Bot:ClientSecret nor Bot:ManagedIdentityClientId is: MentorBot could not send anything.");
            }

            if (!string.IsNullOrWhiteSpace(options.ClientSecret) && string.IsNullOrWhiteSpace(options.TenantId))
            {
                failures.Add("Bot:ClientSecret needs Bot:TenantId: new bots are single-tenant, so tokens come from the bot's own tenant.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
