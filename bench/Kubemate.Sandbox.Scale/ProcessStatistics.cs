using System.Globalization;

namespace Kubemate.Sandbox.Scale;

/// <summary>Figures of a running Linux process, from <c>/proc/&lt;pid&gt;</c>.</summary>
public static class ProcessStatistics
{
    /// <summary>USER_HZ: the unit of the CPU times in /proc/&lt;pid&gt;/stat on every Linux architecture .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>VmRSS: the pages of the process resident in RAM now.</summary>
    /// <exception cref="InvalidOperationException">the process is gone or the kernel does not report VmRSS.</exception>
    public static long ResidentBytes(int processId)
    {
        var path = $"/proc/{processId}/status";
        var line = Read(path).Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{path}: no VmRSS line");
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[2] != "kB" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kibibytes))
        {
            throw new InvalidOperationException($"{path}: VmRSS line \"{line}\" is not \"VmRSS: <n> kB\"");
        }
        return kibibytes * 1024;
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    /// <exception cref="InvalidOperationException">the process is gone or the stat line is not as documented in proc(5).</exception>
    public static TimeSpan CpuTime(int processId)
    {
        var path = $"/proc/{processId}/stat";
        var stat = Read(path);
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            throw new InvalidOperationException($"{path}: utime and stime (fields 14 and 15) are not numbers");
        }
        return TimeSpan.FromSeconds((user + system) / ClockTicksPerSecond);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"{path}: cannot read ({ex.Message})", ex);
        }
    }
}
