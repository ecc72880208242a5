using MentorBot.Teams.Wire;

namespace MentorBot.Teams;

/// <summary>How the HTTP edge answers an activity once it has been handled.</summary>
internal abstract record InboundResult
{
    private InboundResult()
    {
    }

    public static InboundResult Ok { get; } = new Accepted();

    public sealed record Accepted : InboundResult;

    /// <summary>An invoke's answer in its wire form (<see cref="InvokeResponseJson"/>): kept for a retry, and sent as it is.</summary>
    public sealed record InvokeAnswer(byte[] Json) : InboundResult;

    public sealed record NotImplemented(string Reason) : InboundResult;

    public sealed record BadRequest(string Reason) : InboundResult;

    /// <summary>The store is unavailable: nothing was processed, and the sender should retry.</summary>
    public sealed record Unavailable(string Reason) : InboundResult;
}
