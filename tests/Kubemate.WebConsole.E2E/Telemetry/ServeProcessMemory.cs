using System.Globalization;

namespace Kubemate.WebConsole.E2E.Telemetry;

/// <summary>
/// The resident memory of the <c>kubemate serve</c> process the fixture started: the fixture does not expose its
/// pid, so it is found as this test process's child whose command line runs <c>kubemate.dll serve</c>.
/// </summary>
public static class ServeProcessMemory
{
    public static int? FindServePid()
    {
        var parent = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var status = File.ReadAllLines(Path.Combine(directory, "status"));
                var ppid = status.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal))?["PPid:".Length..].Trim();
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (ppid == parent && arguments.Any(a => a.EndsWith("kubemate.dll", StringComparison.Ordinal)) && arguments.Contains("serve"))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    /// <summary>VmRSS of <paramref name="pid"/> in MiB.</summary>
    public static double ResidentMebibytes(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kibibytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kibibytes / 1024.0;
    }
}
