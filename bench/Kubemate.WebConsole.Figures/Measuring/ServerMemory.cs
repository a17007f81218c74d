using System.Diagnostics;

namespace Kubemate.WebConsole.Figures.Measuring;

/// <summary>This process's memory after a full, blocking collection: the managed heap and the resident set (VmRSS).</summary>
internal sealed record ServerMemory(long ManagedBytes, long ResidentBytes)
{
    public static ServerMemory Read()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new ServerMemory(managed, process.WorkingSet64);
    }

    /// <summary>
    /// Reads until two readings 5 s apart agree on the managed heap within 1 % (at most 6 tries): pooled buffers
    /// (Blazor's render batches rent from ArrayPool) and finishing disposals make single readings jump.
    /// </summary>
    public static async Task<ServerMemory> ReadSettledAsync()
    {
        var previous = Read();
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var current = Read();
            if (Math.Abs(current.ManagedBytes - previous.ManagedBytes) <= previous.ManagedBytes / 100)
            {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    public override string ToString() => $"managed heap {Units.MiB(ManagedBytes)}, RSS {Units.MiB(ResidentBytes)}";
}
