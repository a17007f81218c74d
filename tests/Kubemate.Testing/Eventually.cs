namespace Kubemate.Testing;

/// <summary>Polls a condition until it holds or a deadline passes (for eventually-consistent controllers).</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"timed out waiting for {what ?? "condition"}; last value: {last}");
            }
            await Task.Delay(100);
        }
    }
}
