namespace Kubemate.Sandbox.Scale;

/// <summary>Reports progress on the caller's thread, so lines print in order (unlike <see cref="Progress{T}"/>).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
