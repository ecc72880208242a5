using Microsoft.Extensions.Options;

namespace MentorBot.Web;

/// <summary>The development sign-in lets anyone choose who they are: any environment but Development refuses to start with it.</summary>
internal sealed class TabOptionsValidator(IHostEnvironment environment) : IValidateOptions<TabOptions>
{
    public ValidateOptionsResult Validate(string? name, TabOptions options) =>
        options.DevelopmentSignIn && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(
                $"Tab:DevelopmentSignIn is on, and the environment is '{environment.EnvironmentName}'. It lets anyone sign in to the tab as anyone: " +
                "turn it off (Tab__DevelopmentSignIn=false). In Teams the tab signs people in with single sign-on; see docs/DEPLOY.md.")
            : ValidateOptionsResult.Success;
}
