using System.Runtime.InteropServices;

namespace Kubemate.Sandbox.Scale;

/// <summary>The machine the figures come from: they mean little without it.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = ReadFirst("/proc/meminfo", "MemTotal") ?? "unknown";
        return $"{Environment.ProcessorCount} logical cores ({cpu}), memory {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string? ReadFirst(string path, string key)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line?[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
