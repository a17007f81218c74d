using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Auth;

/// <summary>A user to create: tokens are generated on first start and kept with the data directory.</summary>
public sealed record SandboxUserSpec(string Name, IReadOnlyList<string> Groups, string? Password = null, string? Description = null);

/// <summary>
/// The sandbox's users: always an admin in <c>system:masters</c>, plus the given ones. Random tokens are made on
/// first start; with a data directory they are stored there (owner-only) so kubeconfigs stay valid across restarts.
/// </summary>
public static class UserStore
{
    public const string AdminName = "admin";
    private const string FileName = "users.json";

    public static IReadOnlyList<SandboxUser> Load(string? dataDirectory, IEnumerable<SandboxUserSpec> extra)
    {
        var specs = new List<SandboxUserSpec> { new(AdminName, [SandboxIdentity.MastersGroup], null, "sandbox administrator (system:masters)") };
        specs.AddRange(extra.Where(s => s.Name != AdminName));
        var saved = ReadSaved(dataDirectory);
        var users = specs.Select(spec => new SandboxUser(
            spec.Name,
            spec.Groups,
            saved.GetValueOrDefault(spec.Name) ?? TokenAuthenticator.NewToken(),
            spec.Password,
            spec.Description)).ToList();
        if (dataDirectory is not null)
        {
            Save(dataDirectory, users);
        }
        return users;
    }

    private static Dictionary<string, string> ReadSaved(string? dataDirectory)
    {
        var path = dataDirectory is null ? null : Path.Combine(dataDirectory, FileName);
        if (path is null || !File.Exists(path))
        {
            return [];
        }
        var saved = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [];
        return saved.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    private static void Save(string dataDirectory, IReadOnlyList<SandboxUser> users)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        var json = new JsonObject();
        foreach (var user in users)
        {
            json[user.Name] = user.Token;
        }
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json.ToJsonString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
