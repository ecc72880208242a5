using MentorBot.Hosting;

if (MentorBotCli.Handles(args))
{
    return await MentorBotCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddMentorBot();

var app = builder.Build();
app.MapMentorBot();
return await StartupFailures.RunAsync(app);

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
