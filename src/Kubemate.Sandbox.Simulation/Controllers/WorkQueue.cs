using System.Threading.Channels;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// Keys waiting to be reconciled, each at most once: a key enqueued again while it waits is not duplicated, and a
/// key enqueued while it is being reconciled is reconciled once more afterwards (as client-go's work queue does).
/// </summary>
internal sealed class WorkQueue
{
    private readonly Channel<ObjectKey> _channel = Channel.CreateUnbounded<ObjectKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<ObjectKey> _waiting = [];

    public void Enqueue(ObjectKey key)
    {
        lock (_waiting)
        {
            if (_waiting.Add(key))
            {
                _channel.Writer.TryWrite(key);
            }
        }
    }

    public async ValueTask<ObjectKey?> NextAsync(CancellationToken cancellationToken)
    {
        if (!await _channel.Reader.WaitToReadAsync(cancellationToken))
        {
            return null;
        }
        if (!_channel.Reader.TryRead(out var key))
        {
            return null;
        }
        lock (_waiting)
        {
            _waiting.Remove(key);
        }
        return key;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
