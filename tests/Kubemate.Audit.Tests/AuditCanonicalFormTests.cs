using Kubemate.Audit.Hashing;
using Kubemate.Audit.Trust;

namespace Kubemate.Audit.Tests;

public sealed class AuditCanonicalFormTests
{
    private static readonly AuditRecord Sample = new()
    {
        Sequence = 7,
        Timestamp = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(50),
        User = "alice",
        Groups = ["ops", "sre"],
        SourceAddress = "10.0.0.1",
        Cluster = "prod",
        Operation = "apply",
        DryRun = true,
        Outcome = AuditOutcome.Denied,
        Objects = [new("v1", "Service", null, "web", "create", "denied", "line1\nline2")],
        Diff = "a\"b\\c\u0001\t网",
        PreviousHash = AuditChain.GenesisHash,
        Hash = "ignored",
    };

    [Fact]
    public void Canonical_form_has_fixed_member_order_utc_microseconds_and_minimal_escaping()
    {
        var expected =
            "{\"format\":\"kubemate.audit/v1\",\"sequence\":7,\"timestamp\":\"2026-11-25T09:00:00.000005Z\",\"user\":\"alice\"," +
            "\"groups\":[\"ops\",\"sre\"],\"sourceAddress\":\"10.0.0.1\",\"cluster\":\"prod\",\"operation\":\"apply\",\"dryRun\":true," +
            "\"outcome\":\"denied\",\"objects\":[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"namespace\":null,\"name\":\"web\"," +
            "\"action\":\"create\",\"status\":\"denied\",\"message\":\"line1\\nline2\"}],\"diff\":\"a\\\"b\\\\c\\u0001\\t网\"," +
            "\"previousHash\":\"" + AuditChain.GenesisHash + "\"}";

        Assert.Equal(expected, AuditCanonicalForm.Write(Sample));
    }

    private static readonly AuditKey Key = new(Enumerable.Range(1, AuditKey.Length).Select(i => (byte)i).ToArray());

    [Fact]
    public void Hash_is_hmac_sha256_of_the_canonical_utf8_under_the_key_and_ignores_the_stored_hash()
    {
        var canonical = System.Text.Encoding.UTF8.GetBytes(AuditCanonicalForm.Write(Sample));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key.Bytes, canonical));

        Assert.Equal(expected, AuditHasher.Compute(Sample, Key));
        Assert.Equal(AuditHasher.Compute(Sample, Key), AuditHasher.Compute(Sample with { Hash = "other" }, Key));
        Assert.NotEqual(AuditHasher.Compute(Sample, Key), AuditHasher.Compute(Sample, AuditKey.CreateRandom()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(canonical)), AuditHasher.ComputeUnkeyed(Sample));
    }

    [Fact]
    public void Every_field_changes_the_hash()
    {
        var original = AuditHasher.Compute(Sample, Key);
        AuditRecord[] variants =
        [
            Sample with { Sequence = 8 },
            Sample with { Timestamp = Sample.Timestamp.AddTicks(10) },
            Sample with { User = "bob" },
            Sample with { Groups = ["ops"] },
            Sample with { SourceAddress = "10.0.0.2" },
            Sample with { Cluster = "test" },
            Sample with { Operation = "delete" },
            Sample with { DryRun = false },
            Sample with { Outcome = AuditOutcome.Allowed },
            Sample with { Objects = [Sample.Objects[0] with { Namespace = "default" }] },
            Sample with { Objects = [Sample.Objects[0] with { Message = null }] },
            Sample with { Objects = [] },
            Sample with { Diff = "" },
            Sample with { PreviousHash = new string('1', 64) },
        ];

        Assert.All(variants, v => Assert.NotEqual(original, AuditHasher.Compute(v, Key)));
        Assert.Equal(variants.Length, variants.Select(v => AuditHasher.Compute(v, Key)).Distinct().Count());
    }
}
