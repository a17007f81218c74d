using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kubemate.WebConsole.Figures.Hosting;

/// <summary>
/// How many Blazor circuits the server holds (opened and not yet disposed) and how many have a live connection: a
/// disconnected circuit is kept for <c>DisconnectedCircuitRetentionPeriod</c>, and this tells the two apart.
/// </summary>
public sealed class CircuitCounter
{
    private int _held;
    private int _connected;

    public int Held => Volatile.Read(ref _held);
    public int Connected => Volatile.Read(ref _connected);

    internal void Opened() => Interlocked.Increment(ref _held);
    internal void Closed() => Interlocked.Decrement(ref _held);
    internal void Up() => Interlocked.Increment(ref _connected);
    internal void Down() => Interlocked.Decrement(ref _connected);

    public override string ToString() => $"{Held} circuits held, {Connected} connected";
}

/// <summary>Feeds <see cref="CircuitCounter"/>; one per circuit, as Blazor resolves circuit handlers per scope.</summary>
internal sealed class CountingCircuitHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Closed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Up();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Down();
        return Task.CompletedTask;
    }
}
