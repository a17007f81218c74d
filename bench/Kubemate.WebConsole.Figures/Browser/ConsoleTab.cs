using Microsoft.Playwright;

namespace Kubemate.WebConsole.Figures.Browser;

/// <summary>One signed-in browser profile with one tab, counting what the Blazor circuit's websocket carries.</summary>
internal sealed class ConsoleTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private long _received;
    private long _sent;
    private long _framesReceived;

    public ConsoleTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                Interlocked.Add(ref _received, Size(frame));
                Interlocked.Increment(ref _framesReceived);
            };
            socket.FrameSent += (_, frame) => Interlocked.Add(ref _sent, Size(frame));
        };
    }

    public IPage Page { get; }

    /// <summary>Payload bytes received and sent over websockets, and frames received, since the last <see cref="ResetTraffic"/>.</summary>
    public CircuitTraffic Traffic => new(Interlocked.Read(ref _received), Interlocked.Read(ref _sent), Interlocked.Read(ref _framesReceived));

    public void ResetTraffic()
    {
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _framesReceived, 0);
    }

    /// <summary>
    /// Drops the profile as a lost network or a killed browser does: Blazor's goodbye on unload (a
    /// <c>navigator.sendBeacon</c> to <c>_blazor/disconnect</c>) is disabled first, so the server only sees the
    /// connection go down and keeps the circuit for its retention period.
    /// </summary>
    public async Task DropAsync()
    {
        await Page.EvaluateAsync("() => { navigator.sendBeacon = () => false; }");
        await _context.CloseAsync();
    }

    /// <summary>Closes the tab as a user does, running unload handlers so Blazor tells the server the circuit is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Page.IsClosed)
        {
            await _context.DisposeAsync();
            return;
        }
        try
        {
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Page.Close += (_, _) => closed.TrySetResult();
            // With unload handlers run, CloseAsync returns before the tab is gone.
            await Page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            // Already closed, or its unload hung: disposing the context closes it anyway.
        }
        await _context.DisposeAsync();
    }

    // Blazor Server frames are binary (MessagePack); a text frame would be JSON.
    private static long Size(IWebSocketFrame frame) => frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? "");
}

internal sealed record CircuitTraffic(long ReceivedBytes, long SentBytes, long FramesReceived);
