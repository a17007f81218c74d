using Kubemate.Testing;

namespace Kubemate.Tests.Cli;

/// <summary>The model file of the render guide, through the verb.</summary>
public class ModelFileTests
{
    [Fact]
    public async Task The_example_model_file_in_the_guide_renders()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "cli-render-import.md"));
        var start = guide.IndexOf("```yaml\n# example model file", StringComparison.Ordinal);
        Assert.True(start >= 0, "the guide's example model file is missing");
        var body = guide[(start + "```yaml\n".Length)..];
        using var directory = new TempDirectory();
        var model = directory.Write("model.yaml", body[..body.IndexOf("```", StringComparison.Ordinal)]);

        var objects = Manifests.Parse((await Cli.SucceedAsync("render", "-f", model, "--network-policy")).StdOut);

        Assert.Contains(objects, o => o["kind"]!.GetValue<string>() == "NetworkPolicy");
        Assert.Contains(objects, o => o["kind"]!.GetValue<string>() == "IngressRoute");
        Assert.Contains(objects, o => o["kind"]!.GetValue<string>() == "HTTPRoute");
    }
}
