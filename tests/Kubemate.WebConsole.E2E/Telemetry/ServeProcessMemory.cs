using System.Globalization;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>The resident memory of the <c>kubemate serve</c> process the fixture started (<see cref="Hosting.IConsoleHost.ProcessId"/>).</summary>
public static class ServeProcessMemory
{
    /// <summary>VmRSS of <paramref name="pid"/> in MiB.</summary>
    public static double ResidentMebibytes(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kibibytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kibibytes / 1024.0;
    }
}
