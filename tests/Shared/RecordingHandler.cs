using System.Collections.Concurrent;
using System.Net;

namespace MentorBot.TestSupport;

/// <summary>
/// Intercepts every outbound HTTP call. Tests register responders by method and URL prefix; a call nobody expected
/// is recorded as unexpected (and answered 599) so the test fails instead of reaching the network.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Prefix, Func<RecordedRequest, HttpResponseMessage> Respond)> _responders = new();
    private readonly ConcurrentQueue<string> _passThrough = new();
    private readonly HttpMessageInvoker _network = new(new SocketsHttpHandler());

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    public void On(HttpMethod method, string urlPrefix, Func<RecordedRequest, HttpResponseMessage> respond) =>
        _responders.Enqueue((method, urlPrefix, respond));

    public void OnJson(HttpMethod method, string urlPrefix, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, urlPrefix, _ => Json(json, status));

    /// <summary>Requests under this prefix (a local fake server on loopback) are recorded and really sent.</summary>
    public void PassThrough(string urlPrefix) => _passThrough.Enqueue(urlPrefix);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    public IReadOnlyList<RecordedRequest> To(string urlPrefix) =>
        [.. Requests.Where(r => r.Url.StartsWith(urlPrefix, StringComparison.Ordinal))];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.ToString(), body, request.Headers.Authorization?.ToString());
        Requests.Enqueue(recorded);
        if (_passThrough.Any(p => recorded.Url.StartsWith(p, StringComparison.Ordinal)) && request.RequestUri.IsLoopback)
        {
            return await _network.SendAsync(request, cancellationToken);
        }

        // The most recently registered matching responder wins, so a test can override a default.
        var responder = _responders.Reverse().FirstOrDefault(r => r.Method == request.Method && recorded.Url.StartsWith(r.Prefix, StringComparison.Ordinal));
        if (responder.Respond is null)
        {
            Unexpected.Enqueue($"{request.Method} {recorded.Url}");
            return new HttpResponseMessage((HttpStatusCode)599) { RequestMessage = request };
        }

        var response = responder.Respond(recorded);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(HttpMethod Method, string Url, string? Body, string? Authorization);
