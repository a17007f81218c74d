using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Direct;
using Kubemate.Host.Api;
using Kubemate.CommandLine;
using Kubemate.Remote;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate version [--server URL] [-o json|yaml]</c>: this client's version and, when a server is given (or
/// <c>KUBEMATE_SERVER</c> is set, as for the other remote verbs), the version of the <c>kubemate serve</c> there.
/// A server that does not answer is reported on standard error with exit code 1, after the client's version.
/// </summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var server = Flags.Url("--server", $"URL of a running kubemate serve (default: ${BackendChoice.ServerVariable}); without one only the client's version is shown");
        var token = Flags.Text("--token", $"Bearer token for --server (default: ${BackendChoice.TokenVariable}; the version needs none)");
        var output = Flags.Choice("--output", "Output: text (default), json or yaml", ["text", "json", "yaml"], "-o");
        var command = new Command("version", "Show the client's version and, with a server, the server's") { server, token, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            var writer = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var client = BuildVersion.Of(typeof(VersionCommand).Assembly);
            string? badVariable = null;
            var url = result.GetValue(server) ?? ServerFromEnvironment(out badVariable);
            if (badVariable is not null)
            {
                return UsageReport.Write(error, "kubemate version", BackendChoice.ServerVariable, $"'{badVariable}' is not an http(s) URL");
            }
            BuildVersion? serverVersion = null;
            string? problem = null;
            if (url is not null)
            {
                (serverVersion, problem) = await ReadServerAsync(url, result.GetValue(token) ?? Environment.GetEnvironmentVariable(BackendChoice.TokenVariable), cancellationToken);
            }
            Write(writer, result.GetValue(output) ?? "text", client, serverVersion);
            if (problem is not null)
            {
                await error.WriteLineAsync($"kubemate version: server {url}: {problem}");
                return ExitCodes.Failed;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Uri? ServerFromEnvironment(out string? bad)
    {
        bad = null;
        var text = Environment.GetEnvironmentVariable(BackendChoice.ServerVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var (url, problem) = FlagValues.HttpUrl(text);
        bad = problem is null ? null : text;
        return url;
    }

    /// <summary>The server's version through the client generated from the API's document, as every server-mode call.</summary>
    private static async Task<(BuildVersion? Version, string? Problem)> ReadServerAsync(Uri server, string? token, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(15) };
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        try
        {
            var answer = await new Kubemate.Client.KubemateApiClient(http).GetVersionAsync(cancellationToken);
            return (new BuildVersion(answer.Version, answer.Commit), null);
        }
        catch (Kubemate.Client.ApiException ex)
        {
            return (null, $"answered {ex.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, $"cannot be reached: {ex.Message}");
        }
    }

    private static void Write(TextWriter writer, string format, BuildVersion client, BuildVersion? server)
    {
        if (format == "text")
        {
            writer.WriteLine($"Client Version: {Text(client)}");
            if (server is not null)
            {
                writer.WriteLine($"Server Version: {Text(server)}");
            }
            writer.Flush();
            return;
        }
        var document = new JsonObject { ["clientVersion"] = JsonSerializer.SerializeToNode(client, ServerJson.Options) };
        if (server is not null)
        {
            document["serverVersion"] = JsonSerializer.SerializeToNode(server, ServerJson.Options);
        }
        writer.Write(format == "json" ? document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine : YamlJson.Serialize(document));
        writer.Flush();
    }

    private static string Text(BuildVersion version) => version.Commit is null ? version.Version : $"{version.Version} (commit {version.Commit})";
}
