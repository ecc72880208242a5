using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace MentorBot.Scheduling;

/// <summary>
/// Hangfire's log goes to the host's logging. Hangfire keeps its log provider in a process-wide static, which outlives
/// a host that stops (the CLI's, or one of the tests' many): a logger asked for after that is a silent one, not a crash.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _host = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
