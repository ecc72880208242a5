using MentorBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMentorBot();

var app = builder.Build();
app.MapMentorBot();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
