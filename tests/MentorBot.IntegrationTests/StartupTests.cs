using Microsoft.Extensions.Options;

namespace MentorBot.IntegrationTests;

public sealed class StartupTests
{
    [Fact]
    public async Task Production_refuses_to_start_without_a_bot_app_id_and_says_what_to_set()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await MentorBotHost.StartAsync("Production", null);
        });

        var validation = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("Bot__AppId", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_host_on_the_same_database_keeps_its_state()
    {
        await using var host = await MentorBotHost.StartAsync();
        await host.PostActivityAsync(TeamsActivities.InstallationAdd());

        using var scope = host.Services.CreateScope();
        var applied = await host.Service<MentorBot.Persistence.MigrationRunner>().ApplyAsync(default);

        Assert.Equal(0, applied);
        Assert.NotNull(await host.Service<MentorBot.Persistence.ConversationReferenceStore>().FindAsync(TeamsActivities.PersonalConversation, default));
    }
}
