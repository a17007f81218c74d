using System.Runtime.Versioning;
using Kubemate.Sandbox;

namespace Kubemate.Tests.Sandbox;

/// <summary>The sandbox's data directory holds every Secret and the issuer key: only its owner may read it.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class PrivateDataFilesTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "kubemate-private-" + Guid.NewGuid().ToString("n"));

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task A_new_data_directory_is_0700_and_its_state_files_0600()
    {
        await using (await SandboxServer.StartAsync(new SandboxOptions { DataDirectory = _dataDirectory }))
        {
        }

        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(_dataDirectory));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_dataDirectory, "state")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_dataDirectory, "state", "snapshot.json")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(_dataDirectory, "state", "journal.log")));
    }

    [Fact]
    public async Task A_world_readable_data_directory_from_an_older_kubemate_is_narrowed_on_start()
    {
        const UnixFileMode worldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var state = Path.Combine(_dataDirectory, "state");
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "journal.log"), "");
        File.SetUnixFileMode(Path.Combine(state, "journal.log"), worldReadable);
        File.SetUnixFileMode(_dataDirectory, worldReadable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        await using (await SandboxServer.StartAsync(new SandboxOptions { DataDirectory = _dataDirectory }))
        {
        }

        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(_dataDirectory));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(state, "journal.log")));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(state, "snapshot.json")));
    }
}
