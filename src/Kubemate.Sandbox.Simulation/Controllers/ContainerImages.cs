using System.Security.Cryptography;
using System.Text;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>Image references as a container runtime reports them in pod status.</summary>
public static class ContainerImages
{
    /// <summary>The fully qualified reference: <c>redis:7.4</c> becomes <c>docker.io/library/redis:7.4</c>.</summary>
    public static string Normalize(string image)
    {
        if (image.Length == 0)
        {
            return image;
        }
        var firstSlash = image.IndexOf('/', StringComparison.Ordinal);
        var first = firstSlash < 0 ? "" : image[..firstSlash];
        var hasRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var qualified = hasRegistry ? image : firstSlash < 0 ? $"docker.io/library/{image}" : $"docker.io/{image}";
        var lastSegment = qualified[(qualified.LastIndexOf('/') + 1)..];
        return lastSegment.Contains(':', StringComparison.Ordinal) || lastSegment.Contains('@', StringComparison.Ordinal) ? qualified : qualified + ":latest";
    }

    /// <summary>A stable repository digest for the image: <c>repo@sha256:…</c>.</summary>
    public static string ImageId(string image)
    {
        var normalized = Normalize(image);
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return normalized;
        }
        var lastSlash = normalized.LastIndexOf('/');
        var colon = normalized.IndexOf(':', lastSlash + 1);
        var repository = colon < 0 ? normalized : normalized[..colon];
        return $"{repository}@sha256:{Digest(normalized)}";
    }

    /// <summary>A stable 64-hex container id for one container of one pod.</summary>
    public static string ContainerId(string podUid, string containerName, long restartCount) =>
        "containerd://" + Digest($"{podUid}/{containerName}/{restartCount}");

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
