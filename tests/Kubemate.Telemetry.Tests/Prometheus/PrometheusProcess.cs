using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// A real Prometheus (the Debian package's /usr/bin/prometheus) on a free loopback port with a temporary TSDB.
/// Fails loudly when the binary is missing: tests that need it must not be skipped silently.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder log = new();

    private PrometheusProcess(Process process, string directory, Uri url)
    {
        this.process = process;
        this.directory = directory;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Everything Prometheus logged so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Starts Prometheus with <paramref name="configYaml"/> and waits until <c>/-/ready</c> answers.</summary>
    public static async Task<PrometheusProcess> StartAsync(string configYaml)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install the Debian package \"prometheus\" (apt-get install prometheus)");
        }
        var directory = Directory.CreateTempSubdirectory("kubemate-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, configYaml);
        var port = FreePort();
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--storage.tsdb.retention.time=1h",
        })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Binary}");
        var prometheus = new PrometheusProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => prometheus.Append(e.Data);
        process.ErrorDataReceived += (_, e) => prometheus.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        try
        {
            await Eventually.True(async () =>
            {
                if (process.HasExited)
                {
                    throw new Xunit.Sdk.XunitException($"prometheus exited with {process.ExitCode}:\n{prometheus.Log}");
                }
                var response = await http.GetAsync(new Uri(prometheus.Url, "-/ready"));
                return response.StatusCode == HttpStatusCode.OK;
            }, "prometheus ready");
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
        return prometheus;
    }

    /// <summary>Kills the process (the TSDB stays until dispose), so tests can see Prometheus go away.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released; the temp directory is cleaned up by the OS later.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
