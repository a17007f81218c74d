using System.Runtime.Versioning;
using Kubemate.Audit;
using Kubemate.Audit.Trust;

namespace Kubemate.Tests.Cli.Operations;

/// <summary><c>kubemate audit verify</c> on a SQLite store doctored behind Kubemate's back, and on a path that holds no store.</summary>
public sealed class AuditTamperTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(AuditTamper.TailTruncation)]
    [InlineData(AuditTamper.FullDeletion)]
    [InlineData(AuditTamper.EmptyFile)]
    [InlineData(AuditTamper.EditAndRehash)]
    [InlineData(AuditTamper.ForgedAppend)]
    [InlineData(AuditTamper.RowEdit)]
    [InlineData(AuditTamper.Reorder)]
    public async Task Verify_exits_1_naming_each_tamper_case(AuditTamper tamper)
    {
        var path = _files.File($"audit-{tamper}.db");
        await using (var store = await AuditStores.OpenAsync(null, path))
        {
            await AuditTampering.SeedAsync(store);
        }
        var intact = await Cli.SucceedAsync("audit", "verify", "--audit", path);
        await AuditTampering.Sqlite(path).ApplyAsync(tamper);

        var broken = await Cli.RunAsync("audit", "verify", "--audit", path);

        var (kind, sequence) = AuditTampering.Expected(tamper);
        Assert.StartsWith($"audit chain intact: {AuditTampering.SeededRecords} records checked", intact.StdOut);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith($"audit chain BROKEN at record {sequence} ({kind})", broken.StdOut);
    }

    [Fact]
    public async Task Verify_of_a_path_without_a_store_fails_with_no_audit_store_and_creates_nothing()
    {
        var typo = _files.File("typo/audit.db");
        var sibling = _files.File("tpyo.db");

        var missingFolder = await Cli.RunAsync("audit", "verify", "--audit", typo);
        var missingFile = await Cli.RunAsync("audit", "verify", "--audit", sibling);

        Assert.Equal(1, missingFolder.ExitCode);
        Assert.Equal(1, missingFile.ExitCode);
        Assert.Contains("no audit store", missingFolder.StdErr);
        Assert.Contains("no audit store", missingFile.StdErr);
        Assert.Equal("", missingFile.StdOut);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_files.Path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_store_the_cli_creates_is_private_with_its_key_and_anchors()
    {
        var folder = _files.File("data");
        var path = Path.Combine(folder, "audit.db");

        await Cli.SucceedAsync("audit", "--audit", path);

        var trust = FileAuditTrust.NextTo(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(trust.KeyPath));
    }
}
