using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MentorBot.IntegrationTests;

/// <summary>Keeps every log line the host writes, with its category and the scopes it was written in, so a test can read the logs.</summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, string Message, string Scopes)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new System.Text.StringBuilder();
            owner._scopes.ForEachScope((scope, text) => text.Append(scope is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : scope?.ToString()).Append(" | "), scopes);
            owner.Lines.Enqueue((category, formatter(state, exception), scopes.ToString()));
        }
    }
}
