using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Tests.Patching;

/// <summary>
/// Runs <c>kubectl patch --local</c>, which applies a patch offline with the same Go code the API server uses:
/// the reference our patch implementations are compared against. kubectl is a prerequisite of the test suite.
/// </summary>
internal static class KubectlLocalPatch
{
    public static JsonNode Apply(string targetJson, string patchJson, string patchType)
    {
        var directory = Directory.CreateTempSubdirectory("kubemate-kubectl-patch-");
        try
        {
            var targetFile = Path.Combine(directory.FullName, "target.json");
            var patchFile = Path.Combine(directory.FullName, "patch.json");
            File.WriteAllText(targetFile, targetJson);
            File.WriteAllText(patchFile, patchJson);

            var start = new ProcessStartInfo("kubectl")
            {
                ArgumentList = { "patch", "--local", "-f", targetFile, "--type", patchType, "--patch-file", patchFile, "-o", "json" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["KUBECONFIG"] = Path.Combine(directory.FullName, "no-kubeconfig");
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException("kubectl could not be started; it is a prerequisite of these tests");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubectl patch --local failed: {error.Result}");
            }
            return JsonNode.Parse(output.Result)!;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Drops null members: the API server decodes the patched object into Go structs, where a null member and a
    /// missing one are the same, while <c>--local</c> prints the raw merge result.
    /// </summary>
    public static JsonNode? WithoutNullMembers(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(member => member.Value is not null)
            .Select(member => KeyValuePair.Create(member.Key, WithoutNullMembers(member.Value)))),
        JsonArray array => new JsonArray(array.Select(WithoutNullMembers).ToArray()),
        _ => node?.DeepClone(),
    };
}
