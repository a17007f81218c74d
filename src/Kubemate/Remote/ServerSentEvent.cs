namespace Kubemate.Remote;

/// <summary>One event of a <c>text/event-stream</c>: its id, its type (<c>message</c> when none is given) and its data lines joined.</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);
