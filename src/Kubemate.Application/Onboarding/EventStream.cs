using System.Net;
using System.Threading.Channels;

namespace Kubemate.Application.Onboarding;

/// <summary>Numbers events as they are written, so the order readers see is the order of <see cref="OnboardingEvent.Sequence"/>.</summary>
internal sealed class EventStream(TimeProvider time)
{
    private readonly Channel<OnboardingEvent> _channel = Channel.CreateUnbounded<OnboardingEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private long _sequence;

    public ChannelReader<OnboardingEvent> Reader => _channel.Reader;

    public void Emit(OnboardingEventType type, WorkloadKey? workload, int meshed, int total, string? message, HttpStatusCode? status = null)
    {
        lock (_lock)
        {
            _channel.Writer.TryWrite(new OnboardingEvent(++_sequence, time.GetUtcNow(), type, workload?.Kind, workload?.Name, meshed, total, message) { StatusCode = status });
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
